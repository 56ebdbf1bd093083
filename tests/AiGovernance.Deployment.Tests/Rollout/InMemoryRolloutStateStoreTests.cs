using AiGovernance.Deployment.Rollout;

namespace AiGovernance.Deployment.Tests.Rollout;

public class InMemoryRolloutStateStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_WithoutTheLease_IsRefused()
    {
        var store = new InMemoryRolloutStateStore();
        var record = new RolloutStateRecord("r", RolloutState.Canary, 0, 0.05, Now, "go", 1);

        Assert.False(await store.TrySaveAsync(record, "a", Now, Ct));
        await store.TryAcquireLeaseAsync("r", "a", Now, TimeSpan.FromSeconds(10), Ct);
        Assert.True(await store.TrySaveAsync(record, "a", Now, Ct));
        Assert.False(await store.TrySaveAsync(record with { Version = 2 }, "a", Now.AddSeconds(10), Ct));   // expired
        Assert.False(await store.TrySaveAsync(record with { Version = 3 }, "a", Now, Ct));                  // version gap
    }

    [Fact]
    public async Task Lease_EpochGrowsOnlyWhenTheHolderChanges()
    {
        var store = new InMemoryRolloutStateStore();
        var first = await store.TryAcquireLeaseAsync("r", "a", Now, TimeSpan.FromSeconds(10), Ct);
        var renewed = await store.TryAcquireLeaseAsync("r", "a", Now.AddSeconds(5), TimeSpan.FromSeconds(10), Ct);
        var refused = await store.TryAcquireLeaseAsync("r", "b", Now.AddSeconds(14), TimeSpan.FromSeconds(10), Ct);
        var taken = await store.TryAcquireLeaseAsync("r", "b", Now.AddSeconds(15), TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(("a", 1L), (first.HolderId, first.Epoch));
        Assert.Equal(("a", 1L, Now.AddSeconds(15)), (renewed.HolderId, renewed.Epoch, renewed.ExpiresAt));
        Assert.Equal("a", refused.HolderId);
        Assert.Equal(("b", 2L), (taken.HolderId, taken.Epoch));
    }
}
