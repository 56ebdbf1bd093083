using AiGovernance.Core;
using AiGovernance.Gates.Approvals;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What every <see cref="IApprovalNonceLedger"/> promises: first use wins, the same statement may come again,
/// expired entries free their nonce.</summary>
public abstract class NonceLedgerContract : StoreContract
{
    protected Microsoft.Extensions.Time.Testing.FakeTimeProvider Time { get; } = Clock();

    protected abstract ValueTask<IApprovalNonceLedger> CreateAsync();

    private static Sha256Digest Statement(int i) => Sha256Digest.Compute(BitConverter.GetBytes(i));

    [Fact]
    public async Task FirstUseWins_AndTheSameStatementIsAcceptedAgain()
    {
        var ledger = await CreateAsync();
        var expires = Start.AddDays(30);

        Assert.True(await ledger.TryRecordAsync("n-1", Statement(1), expires, Ct));
        Assert.False(await ledger.TryRecordAsync("n-1", Statement(2), expires, Ct));
        Assert.True(await ledger.TryRecordAsync("n-1", Statement(1), expires, Ct));
        Assert.True(await ledger.TryRecordAsync("n-2", Statement(2), expires, Ct));
    }

    [Fact]
    public async Task ConcurrentDifferentStatements_ExactlyOneWins()
    {
        var ledger = await CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 32)
            .Select(i => Task.Run(async () => await ledger.TryRecordAsync("race", Statement(i), Start.AddDays(1), Ct), Ct)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task ExpiredEntry_FreesItsNonce()
    {
        var ledger = await CreateAsync();
        await ledger.TryRecordAsync("n-1", Statement(1), Start.AddHours(1), Ct);

        Time.Advance(TimeSpan.FromHours(1));

        Assert.True(await ledger.TryRecordAsync("n-1", Statement(2), Start.AddDays(1), Ct));
        Assert.False(await ledger.TryRecordAsync("n-1", Statement(1), Start.AddDays(1), Ct));
    }

    [Fact]
    public async Task EmptyNonceOrDigest_IsRefused()
    {
        var ledger = await CreateAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await ledger.TryRecordAsync(" ", Statement(1), Start, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await ledger.TryRecordAsync("n", default, Start, Ct));
    }
}
