using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Override analysis in one streaming pass (issue 9 target: 1,000,000 reviews in under 0.5 s, memory independent
/// of the number of reviews — compare the allocated bytes of the two sizes).</summary>
[MemoryDiagnoser]
public class OverrideAnalysisBenchmarks
{
    private ReviewRecord[] _reviews = [];

    [Params(100_000, 1_000_000)]
    public int Reviews { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // 100 reviewers over a year of working days, hours 8–17, ~6% overrides, 5% audits.
        var random = new Random(9);
        var reviewers = Enumerable.Range(0, 100).Select(r => $"reviewer-{r:000}").ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _reviews = new ReviewRecord[Reviews];
        for (var i = 0; i < Reviews; i++)
        {
            var at = start.AddDays(random.Next(365)).AddHours(8 + random.Next(10)).AddMinutes(random.Next(60));
            var initial = random.NextDouble() < 0.1 ? "deny" : "approve";
            var final = random.NextDouble() < 0.06 ? "deny" : "approve";
            var kind = random.NextDouble() < 0.05 ? ReviewKind.Audit : ReviewKind.Routed;
            _reviews[i] = new ReviewRecord($"case-{i}", reviewers[random.Next(reviewers.Length)], kind, at.AddMinutes(-3), at.AddMinutes(-1), at,
                initial, random.NextDouble(), "approve", 0.5 + (0.25 * random.NextDouble()), final);
        }
    }

    [Benchmark]
    public OverrideAnalysisReport Analyze() => OverrideAnalyzer.Analyze(_reviews);
}
