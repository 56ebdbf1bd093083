using System.Text;
using AiGovernance.Core.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Audit;

public sealed class FileAuditLogTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aigov-audit-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    private string LogPath => Path.Combine(_directory, "audit.jsonl");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Reopen_ContinuesTheChain()
    {
        AuditCheckpoint firstHead;
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 3);
            firstHead = log.Head;
        }

        using (var reopened = new FileAuditLog(LogPath, _time))
        {
            Assert.Equal(firstHead, reopened.Head);
            Assert.False(reopened.RecoveredTornRecord);
            var next = await reopened.AppendAsync(AuditTestData.Event(4), TestContext.Current.CancellationToken);
            Assert.Equal(4, next.Sequence);
            Assert.Equal(firstHead.Hash, next.PreviousHash);
            Assert.True((await reopened.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
        }

        var verified = await FileAuditLog.VerifyFileAsync(LogPath, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(4, verified.VerifiedCount);
    }

    [Fact]
    public async Task SecondInstance_OnTheSameFile_IsRefused_AndTheFirstKeepsAppending()
    {
        using var log = new FileAuditLog(LogPath, _time);
        await AuditTestData.AppendAsync(log, 2);

        var refused = Assert.Throws<IOException>(() => new FileAuditLog(LogPath, _time));
        await AuditTestData.AppendAsync(log, 1);

        Assert.Contains(log.Path, refused.Message, StringComparison.Ordinal);
        Assert.Contains("already open for appending", refused.Message, StringComparison.Ordinal);
        var verified = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(3, verified.VerifiedCount);
    }

    [Fact]
    public async Task AfterDispose_TheFileCanBeOpenedAgain()
    {
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 2);
        }

        using var reopened = new FileAuditLog(LogPath, _time);

        Assert.Equal(2, reopened.Head.Sequence);
    }

    [Fact]
    public async Task Read_RoundTripsEveryField()
    {
        using var log = new FileAuditLog(LogPath, _time);
        var written = new List<AuditRecord>();
        for (var i = 1; i <= 3; i++)
        {
            written.Add(await log.AppendAsync(AuditTestData.Event(i), TestContext.Current.CancellationToken));
        }

        var read = new List<AuditRecord>();
        await foreach (var record in log.ReadAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
            read.Add(record);
        }

        Assert.Equal(written.Select(r => (r.Sequence, r.Timestamp, r.EventType, r.Actor, r.SystemId, r.ArtifactDigest, r.Hash, r.PreviousHash)),
            read.Select(r => (r.Sequence, r.Timestamp, r.EventType, r.Actor, r.SystemId, r.ArtifactDigest, r.Hash, r.PreviousHash)));
        Assert.Equal(written[1].Payload!.Value.GetRawText(), read[1].Payload!.Value.GetRawText());
        Assert.All(read, r => Assert.True(AuditChain.HashMatches(r)));
    }

    [Fact]
    public async Task Verify_EditedPayloadInFile_DetectedAtThatSequence()
    {
        using var log = await WriteAsync(5);
        EditLines(lines => lines[2] = lines[2].Replace("\"i\":3", "\"i\":4", StringComparison.Ordinal));

        var result = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.HashMismatch, result.Failure);
    }

    [Fact]
    public async Task Verify_DeletedLine_DetectedAtItsSequence()
    {
        using var log = await WriteAsync(5);
        EditLines(lines => lines.RemoveAt(1));

        var result = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.SequenceMismatch, result.Failure);
    }

    [Fact]
    public async Task Verify_SwappedLines_Detected()
    {
        using var log = await WriteAsync(5);
        EditLines(lines => (lines[3], lines[4]) = (lines[4], lines[3]));

        var result = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.SequenceMismatch, result.Failure);
    }

    [Fact]
    public async Task Verify_TruncatedFile_DetectedAgainstTheHeadThisLogWrote()
    {
        using var log = await WriteAsync(5);
        EditLines(lines => lines.RemoveRange(3, 2));

        var result = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, result.FirstInvalidSequence);
        Assert.Equal(AuditChainFailure.Truncated, result.Failure);
    }

    [Fact]
    public async Task Open_TornLastLine_ReportedAndCompleteRecordsKept()
    {
        AuditCheckpoint head;
        using (var log = await WriteAsync(3))
        {
            head = log.Head;
        }

        var torn = "{\"seq\":4,\"ts\":\"2026-11-26T09:00:00+00:00\",\"type\":\"gate.dep"u8.ToArray();
        await using (var stream = new FileStream(LogPath, FileMode.Append))
        {
            await stream.WriteAsync(torn, TestContext.Current.CancellationToken);
        }

        var before = await FileAuditLog.VerifyFileAsync(LogPath, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(AuditChainFailure.TornRecord, before.Failure);
        Assert.Equal(4, before.FirstInvalidSequence);

        using var reopened = new FileAuditLog(LogPath, _time);
        Assert.True(reopened.RecoveredTornRecord);
        Assert.Equal(torn.Length, reopened.TornBytesDiscarded);
        Assert.Equal(head, reopened.Head);
        var next = await reopened.AppendAsync(AuditTestData.Event(4), TestContext.Current.CancellationToken);
        Assert.Equal(4, next.Sequence);
        var after = await reopened.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(after.IsValid, after.Message);
        Assert.Equal(4, after.VerifiedCount);
    }

    [Fact]
    public async Task Open_BrokenChain_FailsClosed()
    {
        using (await WriteAsync(4))
        {
        }

        EditLines(lines => lines.RemoveAt(1));
        var ex = Assert.Throws<AuditLogCorruptedException>(() => new FileAuditLog(LogPath, _time));
        Assert.Equal(2, ex.Verification.FirstInvalidSequence);
    }

    [Fact]
    public async Task ConcurrentAppends_AllDurableAndChained()
    {
        using (var log = new FileAuditLog(LogPath, TimeProvider.System))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < 250; i++)
                {
                    await log.AppendAsync(AuditTestData.Event((t * 1_000) + i), TestContext.Current.CancellationToken);
                }
            })));
            Assert.Equal(1_000, log.Head.Sequence);
        }

        var result = await FileAuditLog.VerifyFileAsync(LogPath, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(1_000, result.VerifiedCount);
    }

    private async Task<FileAuditLog> WriteAsync(int count)
    {
        var log = new FileAuditLog(LogPath, _time);
        await AuditTestData.AppendAsync(log, count);
        return log;
    }

    private void EditLines(Action<List<string>> edit) => AuditTestData.EditLines(LogPath, edit);
}
