using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Approvals;

/// <summary>The nonce ledger's contract: a nonce is held by the first statement until that approval expires (exclusive),
/// presenting the same statement again is no replay and never shortens the hold, and expired entries are dropped in a
/// sweep at every 1,024th entry, so memory stays bounded without scanning on every call.</summary>
public class InMemoryApprovalNonceLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly Sha256Digest First = Sha256Digest.Compute("first statement"u8);
    private static readonly Sha256Digest Second = Sha256Digest.Compute("second statement"u8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (InMemoryApprovalNonceLedger Ledger, FakeTimeProvider Clock) Create()
    {
        var clock = new FakeTimeProvider(Now);
        return (new InMemoryApprovalNonceLedger(clock), clock);
    }

    private static Sha256Digest Statement(int i) => Sha256Digest.Compute(BitConverter.GetBytes(i));

    [Fact]
    public void Constructor_NullClock_NamesArgument() =>
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new InMemoryApprovalNonceLedger(null!)).ParamName);

    [Fact]
    public async Task BlankNonce_NamesArgument()
    {
        var (ledger, _) = Create();
        Assert.Equal("nonce", (await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryRecordAsync(" ", First, Now.AddDays(1), Ct).AsTask())).ParamName);
    }

    [Fact]
    public async Task EmptyStatementDigest_IsRefusedNamingIt()
    {
        var (ledger, _) = Create();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryRecordAsync("n", default, Now.AddDays(1), Ct).AsTask());
        Assert.Equal("statementDigest", ex.ParamName);
        Assert.StartsWith("The statement digest is empty.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public async Task CancelledCall_Throws_AndRecordsNothing()
    {
        var (ledger, _) = Create();
        await Assert.ThrowsAsync<OperationCanceledException>(() => ledger.TryRecordAsync("n", First, Now.AddDays(1), new CancellationToken(true)).AsTask());
        Assert.Equal(0, ledger.Count);
    }

    [Fact]
    public async Task NonceHeldByAnotherStatement_IsAReplay()
    {
        var (ledger, _) = Create();
        Assert.True(await ledger.TryRecordAsync("n", First, Now.AddHours(1), Ct));
        Assert.False(await ledger.TryRecordAsync("n", Second, Now.AddHours(1), Ct));
        Assert.True(await ledger.TryRecordAsync("n", First, Now.AddHours(1), Ct));
    }

    [Fact]
    public async Task NonceOfAnApprovalExpiringNow_IsFreeAgain()
    {
        var (ledger, clock) = Create();
        Assert.True(await ledger.TryRecordAsync("n", First, Now.AddHours(1), Ct));
        clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await ledger.TryRecordAsync("n", Second, Now.AddHours(2), Ct));
        Assert.False(await ledger.TryRecordAsync("n", First, Now.AddHours(2), Ct));
    }

    [Fact]
    public async Task SameStatementWithALaterExpiry_ExtendsTheHold()
    {
        var (ledger, clock) = Create();
        Assert.True(await ledger.TryRecordAsync("n", First, Now.AddHours(1), Ct));
        Assert.True(await ledger.TryRecordAsync("n", First, Now.AddHours(2), Ct));
        clock.Advance(TimeSpan.FromHours(1));

        Assert.False(await ledger.TryRecordAsync("n", Second, Now.AddHours(3), Ct));
    }

    [Fact]
    public async Task SameStatementWithAnEarlierExpiry_DoesNotShortenTheHold()
    {
        var (ledger, clock) = Create();
        Assert.True(await ledger.TryRecordAsync("n", First, Now.AddHours(2), Ct));
        Assert.True(await ledger.TryRecordAsync("n", First, Now.AddHours(1), Ct));
        clock.Advance(TimeSpan.FromHours(1));

        Assert.False(await ledger.TryRecordAsync("n", Second, Now.AddHours(3), Ct));
    }

    [Fact]
    public async Task ExpiredEntries_AreKeptUntilTheNextSweep()
    {
        var (ledger, clock) = Create();
        Assert.True(await ledger.TryRecordAsync("a", First, Now.AddHours(1), Ct));
        clock.Advance(TimeSpan.FromHours(2));

        Assert.True(await ledger.TryRecordAsync("b", Second, Now.AddHours(3), Ct));

        Assert.Equal(2, ledger.Count);
    }

    [Fact]
    public async Task SweepAt1024Entries_DropsEveryEntryExpiredByNow()
    {
        var (ledger, clock) = Create();
        for (var i = 0; i < 1024; i++)
        {
            Assert.True(await ledger.TryRecordAsync($"n{i}", Statement(i), Now.AddHours(1), Ct));
        }

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await ledger.TryRecordAsync("late", First, Now.AddHours(2), Ct));

        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    public async Task SweepAt1024Entries_KeepsLiveEntries()
    {
        var (ledger, clock) = Create();
        for (var i = 0; i < 1024; i++)
        {
            Assert.True(await ledger.TryRecordAsync($"n{i}", Statement(i), i < 512 ? Now.AddHours(1) : Now.AddHours(1).AddTicks(1), Ct));
        }

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await ledger.TryRecordAsync("late", First, Now.AddHours(2), Ct));

        Assert.Equal(513, ledger.Count);
        Assert.False(await ledger.TryRecordAsync("n1023", First, Now.AddHours(2), Ct));
    }

    [Fact]
    public async Task SweepWithNothingExpired_KeepsEverything()
    {
        var (ledger, _) = Create();
        for (var i = 0; i <= 1024; i++)
        {
            Assert.True(await ledger.TryRecordAsync($"n{i}", Statement(i), Now.AddHours(1), Ct));
        }

        Assert.Equal(1025, ledger.Count);
    }
}
