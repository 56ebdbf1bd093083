using Perfolizer.Horology;

namespace AiGovernance.Benchmarks;

/// <summary>A BenchmarkDotNet clock that reads the CPU time this process has used (<see cref="Environment.CpuUsage"/>: user
/// plus kernel time of all its threads) instead of the wall clock.</summary>
/// <remarks>On a machine shared with many other jobs (load far above its cores) a benchmark waits for a core most of the
/// wall-clock time; CPU time counts only the time the benchmark's own threads ran, so it measures the cost of the code
/// rather than the queue. It still includes the refills of caches that other processes evicted, so on a busy machine it
/// is an upper bound of the quiet-machine cost. For a multi-threaded benchmark it is the CPU time of all threads per
/// operation (the cost per request), not the elapsed time. Resolution 100 ns (the iterations last 10–500 ms).</remarks>
public sealed class ProcessCpuClock : IClock
{
    /// <inheritdoc />
    public string Title => "Process CPU time";

    /// <inheritdoc />
    public bool IsAvailable => true;

    /// <inheritdoc />
    public Frequency Frequency => new(TimeSpan.TicksPerSecond);

    /// <inheritdoc />
    public long GetTimestamp() => Environment.CpuUsage.TotalTime.Ticks;
}
