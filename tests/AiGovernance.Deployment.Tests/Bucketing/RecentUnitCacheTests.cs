using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Tests.Bucketing;

public class RecentUnitCacheTests
{
    [Fact]
    public void WorkingSetOfHalfTheCapacity_StaysResident()
    {
        // Four ways per set: 512 units in 1,024 entries (256 sets, two units per set on average) overflow only the few
        // sets that draw five or more (expected ≈ 17 of 512 units); a direct-mapped table would lose ≈ 40%.
        var cache = new RecentUnitCache(1024);
        var units = Enumerable.Range(0, 512).Select(i => "user-" + (123_456_789 + i)).ToArray();
        foreach (var unit in units)
        {
            cache.Add(unit, StableBucketing.Hash64(unit, "s"));
        }

        var hits = 0;
        foreach (var unit in units)
        {
            if (cache.TryGet(unit, out var hash))
            {
                Assert.Equal(StableBucketing.Hash64(unit, "s"), hash);
                hits++;
            }
        }

        Assert.InRange(hits, 460, 512);
        Assert.Equal(1024, cache.Capacity);
    }

    [Fact]
    public void FullSet_ReplacesItsOldestEntryFirst()
    {
        var cache = new RecentUnitCache(4);
        for (var i = 0; i < 5; i++)
        {
            cache.Add("u" + i, (ulong)i);
        }

        Assert.False(cache.TryGet("u0", out _));
        Assert.True(cache.TryGet("u4", out var four));
        Assert.Equal(4UL, four);
        Assert.True(cache.TryGet("u1", out _));
    }
}
