using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Tests.Bucketing;

public class RecentUnitCacheTests
{
    [Fact]
    public void WorkingSetOfHalfTheCapacity_StaysResident_WhenVisitedInACycle()
    {
        // 512 units cycled through a 1,024-slot table: after the first pass nearly every lookup hits (a unit misses only
        // when all eight slots of its window were taken before it, rare at load ½).
        var cache = new RecentUnitCache(1024);
        var units = Enumerable.Range(0, 512).Select(i => "user-" + (123_456_789 + i)).ToArray();
        var hits = 0;
        for (var pass = 0; pass < 4; pass++)
        {
            foreach (var unit in units)
            {
                if (cache.TryGet(unit, out var hash))
                {
                    Assert.Equal(StableBucketing.Hash64(unit, "s"), hash);
                    hits += pass > 0 ? 1 : 0;
                }
                else
                {
                    cache.Add(unit, StableBucketing.Hash64(unit, "s"));
                }
            }
        }

        Assert.InRange(hits, 3 * 495, 3 * 512);
        Assert.Equal(1024, cache.Capacity);
    }

    [Fact]
    public void FullWindow_ReplacesAnEntry_AndTheNewUnitIsFound()
    {
        var cache = new RecentUnitCache(RecentUnitCache.Window);
        for (var i = 0; i <= RecentUnitCache.Window; i++)
        {
            cache.Add("u" + i, (ulong)i);
        }

        Assert.True(cache.TryGet("u" + RecentUnitCache.Window, out var last));
        Assert.Equal((ulong)RecentUnitCache.Window, last);
        var resident = Enumerable.Range(0, RecentUnitCache.Window + 1).Count(i => cache.TryGet("u" + i, out _));
        Assert.Equal(RecentUnitCache.Window, resident);
    }
}
