using MathNet.Numerics.Distributions;

namespace AiGovernance.Deployment.Tests.Canary;

/// <summary>One simulated canary stage with unit (customer) routing.</summary>
/// <remarks>Units are hashed to an arm (position below <see cref="ActualFraction"/>) and, independently, to one of
/// <see cref="SubBuckets"/> sub-buckets, as <c>CanaryRouter.Assign</c> does with two disjoint bit ranges of one SHA-256.
/// Requests per unit are 1 + Poisson(λ) with λ log-normal (shape <see cref="Sigma"/>, mean <see cref="MeanRequestsPerUnit"/> − 1):
/// heavy-tailed, every unit sends at least one request.</remarks>
internal sealed record UnitTrafficScenario
{
    public const int SubBuckets = 4096;

    public int Units { get; init; } = 20_000;

    public double MeanRequestsPerUnit { get; init; } = 5;

    public double Sigma { get; init; } = 1.5;

    public double PlannedFraction { get; init; } = 0.1;

    public double ActualFraction { get; init; } = 0.1;

    public double BaselineErrorRate { get; init; } = 0.01;

    public double CandidateErrorRate { get; init; } = 0.01;

    /// <summary>Units whose every request fails, in either arm (clustered errors, no real difference).</summary>
    public double ChronicErrorUnitShare { get; init; }

    /// <summary>Units (a customer segment) whose every request fails when the candidate serves them.</summary>
    public double CandidateFailingSegmentShare { get; init; }

    /// <summary>Evaluations of the stage as its traffic accumulates (each unit's requests spread evenly over them).</summary>
    public int Looks { get; init; } = 1;
}

/// <summary>Cumulative requests and errors per arm and sub-bucket at one look (index = arm × SubBuckets + sub-bucket,
/// arm 0 the baseline, 1 the candidate).</summary>
internal sealed record UnitTrafficLook(long[] Requests, long[] Errors)
{
    public long BaselineRequests => Sum(Requests, 0);

    public long CandidateRequests => Sum(Requests, 1);

    public long BaselineErrors => Sum(Errors, 0);

    public long CandidateErrors => Sum(Errors, 1);

    public ReadOnlySpan<long> ArmRequests(int arm) => Requests.AsSpan(arm * UnitTrafficScenario.SubBuckets, UnitTrafficScenario.SubBuckets);

    public ReadOnlySpan<long> ArmErrors(int arm) => Errors.AsSpan(arm * UnitTrafficScenario.SubBuckets, UnitTrafficScenario.SubBuckets);

    private static long Sum(long[] values, int arm)
    {
        long total = 0;
        foreach (var v in values.AsSpan(arm * UnitTrafficScenario.SubBuckets, UnitTrafficScenario.SubBuckets))
        {
            total += v;
        }

        return total;
    }
}

/// <summary>Simulates unit-routed canary traffic at the level of sub-bucket counts: units are drawn one by one (their
/// request counts are what clusters the data), but independent per-request errors are drawn per sub-bucket cell as one
/// binomial (a sum of independent binomials with one rate is binomial), so a run costs O(units + cells).</summary>
internal sealed class UnitTrafficSimulator
{
    private readonly UnitTrafficScenario _scenario;
    private readonly double _mu;
    private readonly long[][] _requests;
    private readonly long[][] _forced;

    public UnitTrafficSimulator(UnitTrafficScenario scenario)
    {
        _scenario = scenario;
        var lambdaMean = scenario.MeanRequestsPerUnit - 1;
        _mu = Math.Log(lambdaMean) - (scenario.Sigma * scenario.Sigma / 2);
        _requests = new long[scenario.Looks][];
        _forced = new long[scenario.Looks][];
        for (var l = 0; l < scenario.Looks; l++)
        {
            _requests[l] = new long[2 * UnitTrafficScenario.SubBuckets];
            _forced[l] = new long[2 * UnitTrafficScenario.SubBuckets];
        }
    }

    /// <summary>Runs one stage and returns the cumulative counts at each look.</summary>
    public UnitTrafficLook[] Run(Random random)
    {
        var s = _scenario;
        var looks = s.Looks;
        foreach (var a in _requests)
        {
            Array.Clear(a);
        }

        foreach (var a in _forced)
        {
            Array.Clear(a);
        }

        for (var unit = 0; unit < s.Units; unit++)
        {
            var arm = random.NextDouble() < s.ActualFraction ? 1 : 0;
            var cell = (arm * UnitTrafficScenario.SubBuckets) + random.Next(UnitTrafficScenario.SubBuckets);
            var lambda = Math.Exp(_mu + (s.Sigma * Normal.Sample(random, 0, 1)));
            var requests = 1 + (long)Poisson.Sample(random, lambda);
            var alwaysFails = random.NextDouble() < s.ChronicErrorUnitShare;
            var inSegment = random.NextDouble() < s.CandidateFailingSegmentShare;
            var forced = alwaysFails || (inSegment && arm == 1);
            long before = 0;
            for (var l = 0; l < looks; l++)
            {
                var upTo = requests * (l + 1) / looks;
                var part = upTo - before;
                before = upTo;
                _requests[l][cell] += part;
                if (forced)
                {
                    _forced[l][cell] += part;
                }
            }
        }

        var result = new UnitTrafficLook[looks];
        long[]? previousRequests = null, previousErrors = null;
        for (var l = 0; l < looks; l++)
        {
            var requests = new long[2 * UnitTrafficScenario.SubBuckets];
            var errors = new long[2 * UnitTrafficScenario.SubBuckets];
            for (var cell = 0; cell < requests.Length; cell++)
            {
                var rate = cell >= UnitTrafficScenario.SubBuckets ? s.CandidateErrorRate : s.BaselineErrorRate;
                var newRequests = _requests[l][cell];
                var forced = _forced[l][cell];
                var newErrors = forced + Binomial(random, newRequests - forced, rate);
                requests[cell] = (previousRequests?[cell] ?? 0) + newRequests;
                errors[cell] = (previousErrors?[cell] ?? 0) + newErrors;
            }

            result[l] = new UnitTrafficLook(requests, errors);
            (previousRequests, previousErrors) = (requests, errors);
        }

        return result;
    }

    /// <summary>An exact binomial draw by geometric skipping: O(n·p) uniform draws instead of O(n).</summary>
    private static long Binomial(Random random, long trials, double rate)
    {
        if (trials <= 0 || rate <= 0)
        {
            return 0;
        }

        if (rate >= 1)
        {
            return trials;
        }

        var logFailure = Math.Log(1 - rate);
        long successes = 0, position = 0;
        while (true)
        {
            position += (long)(Math.Log(1 - random.NextDouble()) / logFailure) + 1;
            if (position > trials)
            {
                return successes;
            }

            successes++;
        }
    }
}
