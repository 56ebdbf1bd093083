using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Tests.Canary;

/// <summary>Seeded simulations of unit-routed canaries analysed with <see cref="RoutingDesign.PerUnit"/>: 20,000 customers
/// at a 10% stage unless stated, requests per customer 1 + Poisson(λ) with λ log-normal (σ = 1.5), one evaluation at the
/// end of the stage in fixed-sample mode and five as traffic accumulates in sequential mode. CI runs 400 stages per
/// A/A scenario (100 where a problem must be caught); AIGOV_STRESS=1 runs 5,000. Error-rate bounds allow three
/// Monte-Carlo standard errors of slack; sample-ratio holds are bounded by 0.5% per evaluation and, with the same slack,
/// per stage (the level is 0.1%).</summary>
public class UnitRoutingSimulationTests
{
    private const double Alpha = 0.05;

    /// <summary>A strict tolerance (0.01 pp), so a rollback happens whenever the test calls an upward difference
    /// significant: the false-rollback rate is then the test's own false-positive rate.</summary>
    private const double StrictTolerance = 0.0001;

    private const double DefaultTolerance = 0.005;

    /// <summary>The bound on false sample-ratio holds (the check's level is 0.1%): per evaluation exactly, per stage
    /// (up to five evaluations in sequential mode) with three Monte-Carlo standard errors of slack.</summary>
    private const double MaxFalseHoldRate = 0.005;

    private static readonly CanaryAnalysisMode[] s_modes = [CanaryAnalysisMode.FixedSample, CanaryAnalysisMode.Sequential];

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(20)]
    public void AaHeavyTailedRequestsPerCustomer_FalseHoldsAndRollbacksStayWithinTheirLevels(double meanRequests)
    {
        var runs = UnitRoutingSimulation.Runs();
        var scenario = new UnitTrafficScenario { MeanRequestsPerUnit = meanRequests, Looks = 5 };

        var outcomes = RunBothModes(scenario, runs, seed: (int)meanRequests, StrictTolerance, $"A/A, mean {meanRequests} requests per customer");

        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.HoldRatePerAnalysis <= MaxFalseHoldRate, $"false sample-ratio holds: {outcome}");
            Assert.True(outcome.HoldRate <= MaxFalseHoldRate + UnitRoutingSimulation.Slack(MaxFalseHoldRate, runs), $"stages held: {outcome}");
            Assert.True(outcome.RollbackRate <= Alpha + UnitRoutingSimulation.Slack(Alpha, runs), $"false rollbacks: {outcome}");
        }
    }

    [Fact]
    public void AaOnePercentOfCustomersFailEveryRequest_FalseRollbacksStayWithinAlpha()
    {
        var runs = UnitRoutingSimulation.Runs();
        var scenario = new UnitTrafficScenario { MeanRequestsPerUnit = 5, ChronicErrorUnitShare = 0.01, Looks = 5 };

        var outcomes = RunBothModes(scenario, runs, seed: 101, StrictTolerance, "A/A, 1% of customers fail every request");

        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.RollbackRate <= Alpha + UnitRoutingSimulation.Slack(Alpha, runs), $"false rollbacks: {outcome}");
            Assert.True(outcome.HoldRatePerAnalysis <= MaxFalseHoldRate, $"false sample-ratio holds: {outcome}");
            Assert.True(outcome.HoldRate <= MaxFalseHoldRate + UnitRoutingSimulation.Slack(MaxFalseHoldRate, runs), $"stages held: {outcome}");
        }
    }

    [Fact]
    public void FourteenPercentOfCustomersInsteadOfTen_IsHeldForASampleRatioMismatch()
    {
        var scenario = new UnitTrafficScenario { MeanRequestsPerUnit = 5, ActualFraction = 0.14, Looks = 5 };

        var outcomes = RunBothModes(scenario, UnitRoutingSimulation.Runs(100), seed: 14, DefaultTolerance, "14% of customers routed to a 10% canary");

        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.HoldRate >= 0.99, $"mismatch missed: {outcome}");
        }
    }

    /// <summary>1% → 2% errors with about 20,000 requests per arm (8,000 customers split 50/50, 5 requests each on average),
    /// at tolerances of 0.5, 0.1 and 0.01 percentage points.</summary>
    [Fact]
    public void RegressionFromOneToTwoPercent_RollsBackAtEveryTolerance()
    {
        var scenario = new UnitTrafficScenario
        {
            Units = 8000, PlannedFraction = 0.5, ActualFraction = 0.5, CandidateErrorRate = 0.02, Looks = 5,
        };
        double[] tolerances = [0.005, 0.001, 0.0001];
        var configurations = tolerances.SelectMany(t => s_modes.Select(m => (RoutingDesign.PerUnit, Options(m, t)))).ToArray();

        var outcomes = UnitRoutingSimulation.Run(scenario, UnitRoutingSimulation.Runs(100), seed: 12, configurations);

        for (var i = 0; i < outcomes.Length; i++)
        {
            var label = $"1% → 2%, tolerance {configurations[i].Item2.MaxErrorRateIncrease * 100:0.##} pp, {configurations[i].Item2.Mode}";
            Log($"{label}: {outcomes[i]}");
            Assert.True(outcomes[i].RollbackRate >= 0.95, $"{label} missed: {outcomes[i]}");
        }
    }

    /// <summary>The candidate fails every request of one customer segment (3% of customers), and only that.</summary>
    [Fact]
    public void CandidateFailingForOneCustomerSegment_IsRolledBack()
    {
        var scenario = new UnitTrafficScenario { PlannedFraction = 0.5, ActualFraction = 0.5, CandidateFailingSegmentShare = 0.03, Looks = 5 };

        var outcomes = RunBothModes(scenario, UnitRoutingSimulation.Runs(100), seed: 7, DefaultTolerance, "candidate fails a 3% customer segment");

        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.RollbackRate >= 0.95, $"segment failure missed: {outcome}");
        }
    }

    private static UnitRoutingSimulation.Outcome[] RunBothModes(UnitTrafficScenario scenario, int runs, int seed, double tolerance, string label)
    {
        var configurations = s_modes.Select(m => (RoutingDesign.PerUnit, Options(m, tolerance))).ToArray();
        var outcomes = UnitRoutingSimulation.Run(scenario, runs, seed, configurations);
        for (var i = 0; i < outcomes.Length; i++)
        {
            Log($"{label}, {s_modes[i]}: {outcomes[i]}");
        }

        return outcomes;
    }

    private static void Log(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("H22_LOG") is { } path)
        {
            lock (typeof(UnitRoutingSimulationTests))
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
        }
    }

    private static CanaryAnalysisOptions Options(CanaryAnalysisMode mode, double tolerance) =>
        new() { Mode = mode, MaxErrorRateIncrease = tolerance };
}
