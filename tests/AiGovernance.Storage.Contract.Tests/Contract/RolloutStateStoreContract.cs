using AiGovernance.Deployment.Rollout;
using static AiGovernance.Storage.Contract.ContractTime;

namespace AiGovernance.Storage.Contract;

/// <summary>What every <see cref="IRolloutStateStore"/> promises: one lease holder at a time, fenced and versioned saves.</summary>
public abstract class RolloutStateStoreContract : StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected abstract ValueTask<IRolloutStateStore> CreateAsync();

    private static RolloutStateRecord Record(long version, RolloutState state = RolloutState.Canary) =>
        new("fraud-v2", state, 1, 0.25, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1)), "stage 1 passed", version);

    [Fact]
    public async Task Lease_HasOneHolder_UntilItExpires()
    {
        var store = await CreateAsync();

        var a = await store.TryAcquireLeaseAsync("fraud-v2", "a", Start, Lease, Ct);
        var b = await store.TryAcquireLeaseAsync("fraud-v2", "b", Start + Lease - TimeSpan.FromTicks(1), Lease, Ct);
        var renewed = await store.TryAcquireLeaseAsync("fraud-v2", "a", Start + TimeSpan.FromSeconds(10), Lease, Ct);
        var taken = await store.TryAcquireLeaseAsync("fraud-v2", "b", Start + TimeSpan.FromSeconds(40), Lease, Ct);

        Assert.Equal(("a", Start + Lease, 1L), (a.HolderId, a.ExpiresAt, a.Epoch));
        Assert.Equal("a", b.HolderId);
        Assert.Equal(("a", 1L), (renewed.HolderId, renewed.Epoch));
        Assert.Equal(("b", 2L), (taken.HolderId, taken.Epoch));
    }

    [Fact]
    public async Task ConcurrentAcquisitions_ExactlyOneHolder()
    {
        var store = await CreateAsync();

        var leases = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => Task.Run(async () => await store.TryAcquireLeaseAsync("fraud-v2", "c" + i, Start, Lease, Ct), Ct)));

        Assert.Single(leases.Select(l => l.HolderId).Distinct());
        Assert.Equal(1L, leases[0].Epoch);
    }

    [Fact]
    public async Task Save_IsFencedByTheLease_AndByTheVersion()
    {
        var store = await CreateAsync();
        await store.TryAcquireLeaseAsync("fraud-v2", "a", Start, Lease, Ct);

        Assert.False(await store.TrySaveAsync(Record(1), "b", Start, Ct));
        Assert.True(await store.TrySaveAsync(Record(1), "a", Start, Ct));
        Assert.False(await store.TrySaveAsync(Record(1), "a", Start, Ct));
        Assert.False(await store.TrySaveAsync(Record(3), "a", Start, Ct));
        Assert.True(await store.TrySaveAsync(Record(2, RolloutState.RolledBack), "a", Start, Ct));
        Assert.False(await store.TrySaveAsync(Record(3), "a", Start + Lease, Ct));

        var stored = await store.GetAsync("fraud-v2", Ct);
        Assert.Equal(Record(2, RolloutState.RolledBack), stored);
        Assert.Equal(TimeSpan.FromHours(1), stored!.StageStartedAt.Offset);
        Assert.Null(await store.GetAsync("other", Ct));
    }

    [Fact]
    public async Task ReleasedLease_CanBeTakenAtOnce()
    {
        var store = await CreateAsync();
        await store.TryAcquireLeaseAsync("fraud-v2", "a", Start, Lease, Ct);

        await store.ReleaseLeaseAsync("fraud-v2", "b", Ct);
        var stillA = await store.TryAcquireLeaseAsync("fraud-v2", "b", Start, Lease, Ct);
        await store.ReleaseLeaseAsync("fraud-v2", "a", Ct);
        var b = await store.TryAcquireLeaseAsync("fraud-v2", "b", Start, Lease, Ct);

        Assert.Equal("a", stillA.HolderId);
        Assert.Equal(("b", 2L), (b.HolderId, b.Epoch));
    }
}
