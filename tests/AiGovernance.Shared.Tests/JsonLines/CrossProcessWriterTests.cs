using AiGovernance.Core.Audit;
using AiGovernance.Oversight.Review;

namespace AiGovernance.Shared.Tests.JsonLines;

/// <summary>The audit log and the review log keep out a second writer in another process — the defect where two
/// processes appended at their own offsets and one process's acknowledged records vanished.</summary>
public sealed class CrossProcessWriterTests
{
    [Fact]
    public async Task AuditLog_HeldByAnotherProcess_RefusesThisOpener_NamingTheFileAndThePid()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.jsonl");
        await using var child = WriterProcess.Start("audit", path, 5);
        await child.WaitUntilHoldingAsync();
        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var refused = Assert.Throws<IOException>(() => new FileAuditLog(path, TimeProvider.System));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {child.Id}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(0, await child.ReleaseAsync());
    }

    [Fact]
    public async Task ReviewLog_HeldByAnotherProcess_RefusesThisOpener_NamingTheFileAndThePid()
    {
        using var folder = new TempFolder();
        var path = folder.File("reviews.jsonl");
        await using var child = WriterProcess.Start("review", path, 5);
        await child.WaitUntilHoldingAsync();

        var refused = Assert.Throws<IOException>(() => new JsonLinesReviewLog(path));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {child.Id}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await child.ReleaseAsync());
    }

    [Fact]
    public async Task AuditLog_HeldByThisProcess_RefusesAnotherProcess_WhichAppendsNothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.jsonl");
        using var log = new FileAuditLog(path, TimeProvider.System);
        for (var i = 0; i < 300; i++)
        {
            await log.AppendAsync(new AuditEvent("test.append", "test", $"record-{i}"), TestContext.Current.CancellationToken);
        }

        await using var child = WriterProcess.Start("audit", path, 300);
        var (exitCode, stderr) = await child.WaitForExitAsync();

        Assert.Equal(3, exitCode);
        Assert.Contains($"pid {Environment.ProcessId}", stderr, StringComparison.Ordinal);
        var verified = await log.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(300, verified.VerifiedCount);
    }

    [Fact]
    public async Task TwoProcessesRacingToAppend_OneIsRefused_AndEveryAcknowledgedRecordIsKept()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.jsonl");
        await using var first = WriterProcess.Start("audit", path, 300);
        await using var second = WriterProcess.Start("audit", path, 300);

        // Whichever opens first holds the log; the other must be refused before appending anything.
        var outcomes = await Task.WhenAll(first.WaitUntilHoldingOrExitedAsync(), second.WaitUntilHoldingOrExitedAsync());
        Assert.Equal(1, outcomes.Count(holding => holding));
        var (holder, refused) = outcomes[0] ? (first, second) : (second, first);
        var (exitCode, stderr) = await refused.WaitForExitAsync();
        Assert.Equal(3, exitCode);
        Assert.Contains("already open for appending", stderr, StringComparison.Ordinal);
        Assert.Equal(0, await holder.ReleaseAsync());

        var verified = await FileAuditLog.VerifyFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(300, verified.VerifiedCount);
    }

    [Fact]
    public async Task HolderKilled_TheKernelReleasesTheLock_AndTheNextOpenerContinuesTheChain()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.jsonl");
        await using (var child = WriterProcess.Start("audit", path, 7))
        {
            await child.WaitUntilHoldingAsync();
            await child.KillAsync();
        }

        using var log = new FileAuditLog(path, TimeProvider.System);
        var next = await log.AppendAsync(new AuditEvent("test.append", "test"), TestContext.Current.CancellationToken);

        Assert.Equal(8, next.Sequence);
        Assert.True((await log.VerifyAsync(TestContext.Current.CancellationToken)).IsValid);
    }

    [Fact]
    public async Task ReaderInAnotherProcess_IsNotBlockedByTheWriterLock()
    {
        using var folder = new TempFolder();
        var path = folder.File("audit.jsonl");
        await using var child = WriterProcess.Start("audit", path, 4);
        await child.WaitUntilHoldingAsync();

        var verified = await FileAuditLog.VerifyFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal(4, verified.VerifiedCount);
        Assert.Equal(0, await child.ReleaseAsync());
    }
}
