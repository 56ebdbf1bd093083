using System.Security.Cryptography;
using System.Text;
using AiGovernance.Core.Audit;
using AiGovernance.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Core.Tests.Audit;

/// <summary>The file log's documented edges (arguments, disposal, optional fields, damaged files, logging) that mutation
/// testing found unpinned.</summary>
public sealed class FileAuditLogContractTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aigov-audit-contract-" + Guid.NewGuid().ToString("N"));
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
    public async Task EventWithoutSystemArtifactOrPayload_RoundTripsThroughTheFileAsAbsent()
    {
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await log.AppendAsync(new AuditEvent("gate.deployment.decided", "alice"), TestContext.Current.CancellationToken);
        }

        using var reopened = new FileAuditLog(LogPath, _time);
        var records = await reopened.ReadAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var record = Assert.Single(records);
        Assert.Null(record.SystemId);
        Assert.True(record.ArtifactDigest.IsEmpty);
        Assert.Null(record.Payload);
        Assert.True(AuditChain.HashMatches(record));
        Assert.Equal(1, reopened.Head.Sequence);
    }

    [Fact]
    public void Constructor_BadArguments_AreRefusedByName()
    {
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => new FileAuditLog(" ", _time)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new FileAuditLog(LogPath, null!)).ParamName);
        Assert.False(File.Exists(LogPath), "a refused open creates nothing");
    }

    [Fact]
    public async Task SecondOpener_IsToldItIsTheAuditLogThatIsHeld()
    {
        using var log = new FileAuditLog(LogPath, _time);

        var refused = Assert.Throws<IOException>(() => new FileAuditLog(LogPath, _time));

        Assert.Contains("audit log", refused.Message, StringComparison.Ordinal);
        Assert.True((await log.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task OpenThatFindsACorruptChain_ReleasesTheFile_SoTheNextOpenSeesTheSameCorruption()
    {
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 3);
        }

        EditLines(lines => lines.RemoveAt(1));

        var first = Assert.Throws<AuditLogCorruptedException>(() => new FileAuditLog(LogPath, _time));
        var second = Assert.Throws<AuditLogCorruptedException>(() => new FileAuditLog(LogPath, _time));
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(
            "The audit log's chain is broken at sequence 2: expected sequence 2 but found 3: a record was deleted, inserted or reordered.",
            first.Message);
    }

    [Fact]
    public async Task AfterDispose_AppendAndVerifyThrowObjectDisposed_NamingTheLog_AndDisposeTwiceIsHarmless()
    {
        var log = new FileAuditLog(LogPath, _time);
        await AuditTestData.AppendAsync(log, 1);
        log.Dispose();
        log.Dispose();

        var append = await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            log.AppendAsync(AuditTestData.Event(2), TestContext.Current.CancellationToken).AsTask());
        var verify = await Assert.ThrowsAsync<ObjectDisposedException>(() => log.VerifyAsync(TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(typeof(FileAuditLog).FullName, append.ObjectName);
        Assert.Equal(typeof(FileAuditLog).FullName, verify.ObjectName);
        Assert.Equal(1, (await FileAuditLog.VerifyFileAsync(LogPath, cancellationToken: TestContext.Current.CancellationToken)).VerifiedCount);
    }

    [Fact]
    public void DisposingAClosedLogAgain_LeavesTheNextWritersLockAlone()
    {
        var first = new FileAuditLog(LogPath, _time);
        first.Dispose();
        using var second = new FileAuditLog(LogPath, _time);

        first.Dispose();
        var refused = Assert.Throws<IOException>(() => new FileAuditLog(LogPath, _time));

        Assert.Contains($"another writer in this process (pid {Environment.ProcessId})", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_NullEvent_IsRefusedByName_AndAppendsNothing()
    {
        using var log = new FileAuditLog(LogPath, _time);

        await Assert.ThrowsAsync<ArgumentNullException>("auditEvent", () => log.AppendAsync(null!, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(0, log.Head.Sequence);
        Assert.Equal(0, new FileInfo(LogPath).Length);
    }

    [Fact]
    public async Task Read_FromSequenceBelowOne_IsRefusedByName()
    {
        using var log = new FileAuditLog(LogPath, _time);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("fromSequence",
            async () => await log.ReadAsync(0, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Read_CancelledWhileEnumerating_StopsWithOperationCanceled()
    {
        using var log = new FileAuditLog(LogPath, _time);
        await AuditTestData.AppendAsync(log, 3);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var record in log.ReadAsync(1, cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task Read_StopsAtTheFirstLineThatIsNotARecord()
    {
        using var log = new FileAuditLog(LogPath, _time);
        await AuditTestData.AppendAsync(log, 4);

        EditLines(lines => lines[2] = "{\"not\":\"a record\"}");
        var records = await log.ReadAsync(cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L], records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task VerifyFile_MalformedLineInTheMiddle_IsMalformedAtItsSequence_NotALaterMismatch()
    {
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 4);
        }

        EditLines(lines => lines[1] = "this is not JSON");
        var result = await FileAuditLog.VerifyFileAsync(LogPath, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AuditChainFailure.Malformed, result.Failure);
        Assert.Equal(2, result.FirstInvalidSequence);
        Assert.Equal("the line after record 1 is not a well-formed audit record.", result.Message);
    }

    [Fact]
    public async Task VerifyFile_TornLastLine_SaysTheLineIsIncomplete()
    {
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 2);
        }

        await File.AppendAllTextAsync(LogPath, "{\"seq\":3,", TestContext.Current.CancellationToken);
        var result = await FileAuditLog.VerifyFileAsync(LogPath, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AuditChainFailure.TornRecord, result.Failure);
        Assert.Equal("the last line (9 bytes) is incomplete, as after a crash during a write.", result.Message);
    }

    [Fact]
    public async Task VerifyFile_AgainstAHeadBeyondItsEnd_IsTruncated_AndAgainstItsOwnHead_IsValid()
    {
        AuditCheckpoint head;
        AuditRecord second;
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 1);
            second = await log.AppendAsync(AuditTestData.Event(2), TestContext.Current.CancellationToken);
            await AuditTestData.AppendAsync(log, 1);
            head = log.Head;
        }

        EditLines(lines => lines.RemoveAt(2));
        var truncated = await FileAuditLog.VerifyFileAsync(LogPath, head, TestContext.Current.CancellationToken);
        var againstOwnHead = await FileAuditLog.VerifyFileAsync(LogPath, new AuditCheckpoint(2, second.Hash),
            TestContext.Current.CancellationToken);

        Assert.Equal(AuditChainFailure.Truncated, truncated.Failure);
        Assert.True(againstOwnHead.IsValid, againstOwnHead.Message);
        Assert.Equal("path", (await Assert.ThrowsAsync<ArgumentException>(
            () => FileAuditLog.VerifyFileAsync(" ", cancellationToken: TestContext.Current.CancellationToken).AsTask())).ParamName);
    }

    [Fact]
    public async Task VerifyFileAgainstCheckpoint_EditedFile_ReportsTheEdit_AndACleanFileAgainstAnotherHeadFails()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        SignedAuditCheckpoint atThree;
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 3);
            atThree = SignedAuditCheckpoint.Sign(log.Head, key, "k", _time);
            await AuditTestData.AppendAsync(log, 1);
        }

        var clean = await FileAuditLog.VerifyFileAgainstCheckpointAsync(LogPath, atThree, key, TestContext.Current.CancellationToken);
        var forgedHead = SignedAuditCheckpoint.Sign(new AuditCheckpoint(3, Sha256Digest.Compute("other"u8)), key, "k", _time);
        var rewritten = await FileAuditLog.VerifyFileAgainstCheckpointAsync(LogPath, forgedHead, key, TestContext.Current.CancellationToken);
        EditLines(lines => lines[1] = lines[1].Replace("reviewer-", "mallory-", StringComparison.Ordinal));
        var edited = await FileAuditLog.VerifyFileAgainstCheckpointAsync(LogPath, atThree, key, TestContext.Current.CancellationToken);

        Assert.True(clean.IsValid, clean.Message);
        Assert.Equal(4, clean.VerifiedCount);
        Assert.Equal(AuditChainFailure.CheckpointMismatch, rewritten.Failure);
        Assert.Equal(AuditChainFailure.HashMismatch, edited.Failure);
        Assert.Equal(2, edited.FirstInvalidSequence);
    }

    [Fact]
    public async Task VerifyFileAgainstCheckpoint_NullOrEmptyArguments_AreRefusedByName()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = SignedAuditCheckpoint.Sign(new AuditCheckpoint(1, Sha256Digest.Compute("x"u8)), key, "k", _time);

        Assert.Equal("path", (await Assert.ThrowsAsync<ArgumentException>(
            () => FileAuditLog.VerifyFileAgainstCheckpointAsync(" ", signed, key, TestContext.Current.CancellationToken).AsTask())).ParamName);
        Assert.Equal("checkpoint", (await Assert.ThrowsAsync<ArgumentNullException>(
            () => FileAuditLog.VerifyFileAgainstCheckpointAsync(LogPath, null!, key, TestContext.Current.CancellationToken).AsTask())).ParamName);
        Assert.Equal("publicKey", (await Assert.ThrowsAsync<ArgumentNullException>(
            () => FileAuditLog.VerifyFileAgainstCheckpointAsync(LogPath, signed, null!, TestContext.Current.CancellationToken).AsTask())).ParamName);
    }

    [Fact]
    public async Task Open_TornLastLine_IsLoggedAsAWarningNamingTheFile()
    {
        using (var log = new FileAuditLog(LogPath, _time))
        {
            await AuditTestData.AppendAsync(log, 2);
        }

        await File.AppendAllTextAsync(LogPath, "{\"seq\":3,", TestContext.Current.CancellationToken);
        var logger = new CapturingLogger<FileAuditLog>();
        using var reopened = new FileAuditLog(LogPath, _time, logger);

        var (level, text) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains(reopened.Path, text, StringComparison.Ordinal);
    }

    private void EditLines(Action<List<string>> edit) => AuditTestData.EditLines(LogPath, edit);
}
