using System.Text.Json;
using AiGovernance.Oversight.Review;

namespace AiGovernance.Oversight.Tests.Analysis;

/// <summary>Builds synthetic review logs with exactly controlled counts.</summary>
internal sealed class SyntheticReviews
{
    public static readonly DateTimeOffset Day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly List<ReviewRecord> _records = [];
    private int _next;

    public IReadOnlyList<ReviewRecord> Records => _records;

    /// <summary>A routed review; an override ends at "deny" while the AI said "approve".</summary>
    public SyntheticReviews Routed(string reviewer, int day, int hour, bool isOverride, double aiConfidence = 0.6, int minute = 0)
    {
        var at = Day0.AddDays(day).AddHours(hour).AddMinutes(minute);
        var decision = isOverride ? "deny" : "approve";
        _records.Add(new ReviewRecord($"case-{_next++}", reviewer, ReviewKind.Routed, at.AddMinutes(-2), at.AddMinutes(-1), at,
            decision, 0.8, "approve", aiConfidence, decision));
        return this;
    }

    /// <summary>Routes <paramref name="count"/> reviews, the first <paramref name="overrides"/> of them overrides.</summary>
    public SyntheticReviews Routed(string reviewer, int day, int hour, int count, int overrides, double aiConfidence = 0.6)
    {
        for (var i = 0; i < count; i++)
        {
            Routed(reviewer, day, hour, i < overrides, aiConfidence, minute: i % 60);
        }

        return this;
    }

    /// <summary>A review whose reviewer first says <paramref name="initial"/>, then <paramref name="final"/>; the AI says "approve".</summary>
    public SyntheticReviews TwoStage(string initial, string final, int day = 0, int hour = 10, string reviewer = "r0")
    {
        var at = Day0.AddDays(day).AddHours(hour);
        _records.Add(new ReviewRecord($"case-{_next++}", reviewer, ReviewKind.Routed, at, at, at, initial, 0.7, "approve", 0.6, final));
        return this;
    }

    /// <summary>Audits <paramref name="count"/> automated decisions, <paramref name="errors"/> of them found wrong.</summary>
    public SyntheticReviews Audits(int count, int errors)
    {
        for (var i = 0; i < count; i++)
        {
            var at = Day0.AddHours(11);
            var decision = i < errors ? "deny" : "approve";
            _records.Add(new ReviewRecord($"case-{_next++}", "auditor", ReviewKind.Audit, at, at, at, decision, 0.9, "approve", 0.9, decision));
        }

        return this;
    }

    /// <summary>A healthy log: 10 reviewers, 20 days, hours 8–17, about 10% overrides everywhere, daily volumes varying.</summary>
    public static SyntheticReviews Healthy()
    {
        var log = new SyntheticReviews();
        for (var day = 0; day < 20; day++)
        {
            var reviewers = day % 4 == 0 ? 5 : 10;
            var lastHour = day % 4 == 1 ? 19 : 17;
            for (var r = 0; r < reviewers; r++)
            {
                for (var hour = 8; hour <= lastHour; hour++)
                {
                    log.Routed($"r{r}", day, hour, (day + r + hour) % 10 == 0, aiConfidence: 0.5 + ((day + hour) % 25) / 100.0);
                }
            }
        }

        // Changed minds split both ways, spread evenly over days and hours by trainees (too few reviews to be eligible);
        // audits find 2%.
        for (var i = 0; i < 40; i++)
        {
            log.TwoStage(i % 2 == 0 ? "deny" : "approve", i % 2 == 0 ? "approve" : "deny", day: i / 2, hour: 8 + (i % 10), reviewer: $"trainee-{i % 5}");
        }

        return log.Audits(500, 10);
    }

    public static JsonElement Reference(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "oversight_reference.json")));
        return document.RootElement.GetProperty(name).Clone();
    }

    /// <summary>|actual − expected| ≤ 1e-9 + 1e-7·|expected| (the project's SciPy tolerance).</summary>
    public static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 + (1e-7 * Math.Abs(expected)), $"expected {expected:R}, actual {actual:R}");
}
