using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Tests.Canary;

/// <summary>Runs a simulated stage many times through <see cref="CanaryAnalyzer"/>, as a rollout would (one analysis at
/// the end in fixed-sample mode; an analysis at every look in sequential mode, carrying the always-valid p-value and
/// stopping at a rollback), and counts sample-ratio holds and rollbacks.</summary>
internal static class UnitRoutingSimulation
{
    /// <summary>Runs per scenario: at least 400 in CI (seconds on two cores), 5,000 under AIGOV_STRESS=1.</summary>
    public static int Runs(int ci = 400) => Environment.GetEnvironmentVariable("AIGOV_STRESS") == "1" ? 5000 : ci;

    /// <summary>Three standard errors of a rate α estimated from <paramref name="runs"/> runs: the Monte-Carlo slack.</summary>
    public static double Slack(double alpha, int runs) => 3 * Math.Sqrt(alpha * (1 - alpha) / runs);

    /// <summary>Simulates <paramref name="runs"/> stages of <paramref name="scenario"/> and analyses each with every
    /// configuration, streaming (one stage in memory at a time).</summary>
    public static Outcome[] Run(
        UnitTrafficScenario scenario, int runs, int seed, params (RoutingDesign Design, CanaryAnalysisOptions Options)[] configurations)
    {
        var simulator = new UnitTrafficSimulator(scenario);
        var random = new Random(seed);
        var outcomes = new Outcome[configurations.Length];
        for (var r = 0; r < runs; r++)
        {
            var looks = simulator.Run(random);
            var snapshots = Array.ConvertAll(looks, Snapshot);
            for (var c = 0; c < configurations.Length; c++)
            {
                outcomes[c] = outcomes[c].Add(Stage(snapshots, scenario.PlannedFraction, configurations[c].Design, configurations[c].Options));
            }
        }

        return outcomes;
    }

    private static (bool Held, int HeldLooks, int Looks, bool RolledBack) Stage(
        CanarySnapshot[] looks, double planned, RoutingDesign design, CanaryAnalysisOptions options)
    {
        var p = 1.0;
        int heldLooks = 0, analysed = 0;
        var first = options.Mode == CanaryAnalysisMode.Sequential ? 0 : looks.Length - 1;
        for (var l = first; l < looks.Length; l++)
        {
            var observation = new CanaryObservation(looks[l], planned) { Design = design, PreviousAlwaysValidPValue = p };
            var analysis = CanaryAnalyzer.Analyze(observation, options);
            analysed++;
            if (analysis.ErrorRate is { Test: ErrorRateTest.MixtureSequential or ErrorRateTest.MixtureSequentialDeltaMethod } errorRate)
            {
                p = errorRate.PValue;
            }

            heldLooks += analysis.SampleRatio is { Mismatch: true } ? 1 : 0;
            if (analysis.Decision == CanaryDecision.RollbackImmediately)
            {
                return (heldLooks > 0, heldLooks, analysed, true);
            }
        }

        return (heldLooks > 0, heldLooks, analysed, false);
    }

    /// <summary>Both arms' snapshots: every request in one latency bucket (latency never triggers), the sub-bucket counts
    /// as a recorder with <c>Record(CanaryAssignment, ...)</c> would keep them.</summary>
    public static CanarySnapshot Snapshot(UnitTrafficLook look) => new(Variant(look, 0), Variant(look, 1));

    private static VariantSnapshot Variant(UnitTrafficLook look, int arm)
    {
        var requests = look.ArmRequests(arm);
        var errors = look.ArmErrors(arm);
        long total = 0, failed = 0;
        for (var k = 0; k < requests.Length; k++)
        {
            total += requests[k];
            failed += errors[k];
        }

        var histogram = new long[LatencyHistogramSnapshot.BucketCount];
        histogram[LatencyHistogramSnapshot.BucketIndexOf(TimeSpan.FromMilliseconds(40))] = total;
        return new VariantSnapshot(failed, LatencyHistogramSnapshot.FromBucketCounts(histogram), SubBucketCounts.FromCounts(requests, errors));
    }

    /// <summary>Stages run, stages held for a sample-ratio mismatch at any evaluation, evaluations run and held, and
    /// stages rolled back.</summary>
    internal readonly record struct Outcome(int Runs, int HeldRuns, int Analyses, int HeldAnalyses, int Rollbacks)
    {
        /// <summary>The share of stages held for a sample-ratio mismatch at one evaluation or more.</summary>
        public double HoldRate => (double)HeldRuns / Runs;

        /// <summary>The share of evaluations that held for a sample-ratio mismatch.</summary>
        public double HoldRatePerAnalysis => (double)HeldAnalyses / Analyses;

        public double RollbackRate => (double)Rollbacks / Runs;

        public Outcome Add((bool Held, int HeldLooks, int Looks, bool RolledBack) stage) =>
            new(Runs + 1, HeldRuns + (stage.Held ? 1 : 0), Analyses + stage.Looks, HeldAnalyses + stage.HeldLooks,
                Rollbacks + (stage.RolledBack ? 1 : 0));

        public override string ToString() =>
            $"{Runs} stages: held for sample ratio {HoldRate:P2} of stages ({HoldRatePerAnalysis:P2} of {Analyses} evaluations), "
            + $"rolled back {RollbackRate:P2}";
    }
}
