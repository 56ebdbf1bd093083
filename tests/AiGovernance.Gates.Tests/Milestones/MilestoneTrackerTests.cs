using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Milestones;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Milestones;

public class MilestoneTrackerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private static (bool[] Truth, bool[] Predicted) WithAccuracy(int n, int correct)
    {
        var truth = new bool[n];
        var predicted = new bool[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = i % 2 == 0;
            predicted[i] = i < correct ? truth[i] : !truth[i];
        }

        return (truth, predicted);
    }

    [Fact]
    public async Task Attempts_AreEachRecordedInTheAuditLog_AndThePlanShowsBothKinds()
    {
        var log = new InMemoryAuditLog(_time);
        var tracker = new MilestoneTracker(log, _time);
        tracker.AddFixed(new FixedMilestone("security", "Security review", _time.GetUtcNow().AddDays(10), "security_review"));
        tracker.AddFixed(new FixedMilestone("legal", "Legal approval", _time.GetUtcNow().AddDays(3), "legal_approval"));
        tracker.AddFixed(new FixedMilestone("dpia", "Impact assessment", _time.GetUtcNow().AddDays(5), "fairness_audit"));
        tracker.AddAdaptive("accuracy", "Holdout accuracy ≥ 0.90", new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.Accuracy, Threshold = 0.9 }));
        var dataset = Sha256Digest.Compute("holdout-v3"u8);

        var first = ModelArtifact.FromBytes("scorer", "1", "weights-1"u8);
        var (t1, p1) = WithAccuracy(400, 368);
        var attempt1 = await tracker.RecordAttemptAsync("accuracy", first, dataset, tracker.GetGate("accuracy").Evaluate(t1, p1), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromDays(4));
        var second = ModelArtifact.FromBytes("scorer", "2", "weights-2"u8);
        var (t2, p2) = WithAccuracy(2000, 1900);
        var attempt2 = await tracker.RecordAttemptAsync("accuracy", second, dataset, tracker.GetGate("accuracy").Evaluate(t2, p2), TestContext.Current.CancellationToken);
        await tracker.MarkSatisfiedAsync("dpia", "approval 7f3a", "ana", TestContext.Current.CancellationToken);

        Assert.Equal(MilestoneVerdict.Inconclusive, attempt1.Result.Verdict);
        Assert.Equal(MilestoneVerdict.Go, attempt2.Result.Verdict);
        Assert.Equal([1, 2], tracker.GetAttempts("accuracy").Select(a => a.Number));
        var records = log.Snapshot();
        Assert.Equal([GatesAuditEvents.MilestoneAttempt, GatesAuditEvents.MilestoneAttempt, GatesAuditEvents.MilestoneSatisfied], records.Select(r => r.EventType));
        Assert.Equal(first.Digest, records[0].ArtifactDigest);
        var payload = records[1].Payload!.Value;
        Assert.Equal("Go", payload.GetProperty("decision").GetString());
        Assert.Equal(dataset.ToString(), payload.GetProperty("dataset").GetString());
        Assert.Equal(0.95, double.Parse(payload.GetProperty("estimate").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(attempt2.AuditSequence, records[1].Sequence);

        var plan = tracker.GetPlan();
        Assert.Equal(["legal", "dpia", "security", "accuracy"], plan.Items.Select(i => i.Id));
        Assert.Equal([MilestoneStatus.Overdue, MilestoneStatus.Satisfied, MilestoneStatus.Pending, MilestoneStatus.Go], plan.Items.Select(i => i.Status));
        Assert.Equal(2, plan.Items[3].Attempts);

        var markdown = plan.ToMarkdown();
        Assert.Contains("| fixed | Legal approval (`legal`) | Overdue |", markdown, StringComparison.Ordinal);
        Assert.Contains("| adaptive | Holdout accuracy ≥ 0.90 (`accuracy`) | Go |", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(plan.ToJson());
        Assert.Equal(4, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("Overdue", json.RootElement.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void DuplicateIdsAndUnknownMilestones_Rejected()
    {
        var tracker = new MilestoneTracker(new InMemoryAuditLog(_time), _time);
        tracker.AddFixed(new FixedMilestone("m", "M", _time.GetUtcNow(), "x"));
        Assert.Throws<ArgumentException>(() => tracker.AddAdaptive("m", "M", new PerformanceGate(new PerformanceGateOptions())));
        Assert.Throws<KeyNotFoundException>(() => tracker.GetAttempts("nope"));
    }

    [Fact]
    public async Task RecordAttempt_WithoutDatasetDigest_Rejected()
    {
        var tracker = new MilestoneTracker(new InMemoryAuditLog(_time), _time);
        tracker.AddAdaptive("a", "A", new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.Accuracy, Threshold = 0.5 }));
        var result = tracker.GetGate("a").Evaluate([true], [true]);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => tracker.RecordAttemptAsync("a", ModelArtifact.FromBytes("m", "1", [1]), default, result, TestContext.Current.CancellationToken));
        Assert.Equal("datasetDigest", ex.ParamName);
    }
}
