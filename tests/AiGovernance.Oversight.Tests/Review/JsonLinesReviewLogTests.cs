using AiGovernance.Oversight.Review;

namespace AiGovernance.Oversight.Tests.Review;

public sealed class JsonLinesReviewLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(1));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aigov-reviews-" + Guid.NewGuid().ToString("N"));

    private string LogPath => Path.Combine(_directory, "reviews.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ReviewRecord Record(int i) => new(
        $"case-{i}", $"reviewer-{i % 3}", i % 5 == 0 ? ReviewKind.Audit : ReviewKind.Routed,
        T0.AddMinutes(i), T0.AddMinutes(i).AddSeconds(30), T0.AddMinutes(i).AddSeconds(45.125),
        i % 2 == 0 ? "approve" : "déni \"quoted\"", 0.1 + (i % 9) / 10.0, "approve", 0.123456789012345 + i * 1e-6,
        i % 4 == 0 ? "deny" : "approve");

    private static async Task<List<ReviewRecord>> ReadAll(IReviewLog log)
    {
        var records = new List<ReviewRecord>();
        await foreach (var record in log.ReadAsync(TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    private static void AssertSame(ReviewRecord expected, ReviewRecord actual)
    {
        Assert.Equal(expected.CaseId, actual.CaseId);
        Assert.Equal(expected.ReviewerId, actual.ReviewerId);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.StartedAt.Offset, actual.StartedAt.Offset);
        Assert.Equal(expected.InitialJudgmentAt, actual.InitialJudgmentAt);
        Assert.Equal(expected.FinalDecisionAt, actual.FinalDecisionAt);
        Assert.Equal(expected.HumanInitialDecision, actual.HumanInitialDecision);
        Assert.Equal(expected.HumanInitialConfidence, actual.HumanInitialConfidence);
        Assert.Equal(expected.AiPrediction, actual.AiPrediction);
        Assert.Equal(expected.AiConfidence, actual.AiConfidence);
        Assert.Equal(expected.FinalDecision, actual.FinalDecision);
    }

    [Fact]
    public async Task SecondInstance_OnTheSameFile_IsRefused_AndTheFirstKeepsAppending()
    {
        using var log = new JsonLinesReviewLog(LogPath);
        await log.AppendAsync(Record(1), TestContext.Current.CancellationToken);

        var refused = Assert.Throws<IOException>(() => new JsonLinesReviewLog(LogPath));
        await log.AppendAsync(Record(2), TestContext.Current.CancellationToken);

        Assert.Contains(log.Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("already open for appending", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["case-1", "case-2"], (await ReadAll(log)).Select(r => r.CaseId));
    }

    [Fact]
    public async Task RoundTrip_ReopenedLog_ReadsEveryFieldExactly()
    {
        var written = Enumerable.Range(0, 2_000).Select(Record).ToList();
        using (var log = new JsonLinesReviewLog(LogPath, flushToDisk: false))
        {
            foreach (var record in written)
            {
                await log.AppendAsync(record, TestContext.Current.CancellationToken);
            }
        }

        using var reopened = new JsonLinesReviewLog(LogPath);
        var read = await ReadAll(reopened);

        Assert.False(reopened.RecoveredTornRecord);
        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < written.Count; i++)
        {
            AssertSame(written[i], read[i]);
        }
    }

    [Fact]
    public async Task ConcurrentWriters_LoseNothing()
    {
        using var log = new JsonLinesReviewLog(LogPath, flushToDisk: false);

        await Parallel.ForAsync(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) => await log.AppendAsync(Record(i), ct));

        var read = await ReadAll(log);
        Assert.Equal(4_000, read.Count);
        Assert.Equal(Enumerable.Range(0, 4_000).Select(i => $"case-{i}").Order(), read.Select(r => r.CaseId).Order());
        Assert.Equal(4_000, File.ReadAllLines(LogPath).Length);
    }

    [Fact]
    public async Task Open_TornLastLine_IsCutOffAndLogContinues()
    {
        using (var log = new JsonLinesReviewLog(LogPath))
        {
            await log.AppendAsync(Record(1), TestContext.Current.CancellationToken);
        }

        await File.AppendAllTextAsync(LogPath, "{\"caseId\":\"case-2\",\"revie", TestContext.Current.CancellationToken);

        using var reopened = new JsonLinesReviewLog(LogPath);
        await reopened.AppendAsync(Record(3), TestContext.Current.CancellationToken);

        Assert.True(reopened.RecoveredTornRecord);
        Assert.Equal(["case-1", "case-3"], (await ReadAll(reopened)).Select(r => r.CaseId));
    }

    [Fact]
    public async Task Read_LineWithMissingField_FailsNamingLineAndField()
    {
        Directory.CreateDirectory(_directory);
        using (var log = new JsonLinesReviewLog(LogPath))
        {
            await log.AppendAsync(Record(1), TestContext.Current.CancellationToken);
        }

        await File.AppendAllTextAsync(LogPath,
            "{\"caseId\":\"c\",\"reviewerId\":\"r\",\"kind\":\"routed\",\"startedAt\":\"2026-11-26T09:00:00Z\",\"initialJudgmentAt\":\"2026-11-26T09:00:00Z\",\"finalDecisionAt\":\"2026-11-26T09:00:00Z\",\"humanInitialDecision\":\"a\",\"humanInitialConfidence\":0.5,\"aiConfidence\":0.5,\"finalDecision\":\"a\"}\n",
            TestContext.Current.CancellationToken);

        using var reopened = new JsonLinesReviewLog(LogPath);
        var ex = await Assert.ThrowsAsync<ReviewLogFormatException>(() => ReadAll(reopened));
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("aiPrediction", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_TimestampsOutOfOrder_FailsNamingLine()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(LogPath,
            "{\"caseId\":\"c\",\"reviewerId\":\"r\",\"kind\":\"routed\",\"startedAt\":\"2026-11-26T09:00:00Z\",\"initialJudgmentAt\":\"2026-11-26T08:00:00Z\",\"finalDecisionAt\":\"2026-11-26T09:00:00Z\",\"humanInitialDecision\":\"a\",\"humanInitialConfidence\":0.5,\"aiPrediction\":\"a\",\"aiConfidence\":0.5,\"finalDecision\":\"a\"}\n",
            TestContext.Current.CancellationToken);

        using var log = new JsonLinesReviewLog(LogPath);
        var ex = await Assert.ThrowsAsync<ReviewLogFormatException>(() => ReadAll(log));
        Assert.Equal(1, ex.LineNumber);
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    [Fact]
    public async Task Read_NotJson_FailsNamingLine()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(LogPath, "\nnot json\n", TestContext.Current.CancellationToken);

        using var log = new JsonLinesReviewLog(LogPath);
        Assert.Equal(2, (await Assert.ThrowsAsync<ReviewLogFormatException>(() => ReadAll(log))).LineNumber);
    }

    [Fact]
    public async Task Read_VeryLongLine_GrowsBuffer()
    {
        var longId = new string('x', 200_000);
        var record = new ReviewRecord(longId, "r", ReviewKind.Routed, T0, T0, T0, "a", 0.5, "a", 0.5, "a");
        using var log = new JsonLinesReviewLog(LogPath, flushToDisk: false);
        await log.AppendAsync(record, TestContext.Current.CancellationToken);
        await log.AppendAsync(Record(1), TestContext.Current.CancellationToken);

        var read = await ReadAll(log);
        Assert.Equal(longId, read[0].CaseId);
        Assert.Equal("case-1", read[1].CaseId);
    }

    [Fact]
    public void Constructor_EmptyPath_NamesArgument() =>
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => new JsonLinesReviewLog(" ")).ParamName);
}
