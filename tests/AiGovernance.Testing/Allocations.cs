namespace AiGovernance.Testing;

/// <summary>Measures what a hot path allocates in its steady state.</summary>
public static class Allocations
{
    /// <summary>Runs <paramref name="pass"/> once to settle the runtime, then returns the least number of bytes any of the
    /// next three runs allocates on this thread.</summary>
    /// <remarks>The first run absorbs one-off allocations that land on this thread's counter without being the code's:
    /// tiered compilation and on-stack replacement of the pass's loop (4,224 bytes once under load), per-thread caches.
    /// The least of three runs leaves out a pool emptied between two runs (<c>ArrayPool.Shared</c> trims its per-thread
    /// caches on a gen-2 collection under memory pressure, which another test's allocations can trigger at any moment: one
    /// such run of a pooled sort allocated its buffers again), while an allocation the code makes on every call shows in
    /// all three. Create <paramref name="pass"/> (and any closure it captures) before calling, so the delegate is not
    /// counted.</remarks>
    public static long OfSteadyStatePass(Action pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        pass();
        var least = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
