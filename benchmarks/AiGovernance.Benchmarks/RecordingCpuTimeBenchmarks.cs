using AiGovernance.Deployment.Recording;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>The recording hot path of <see cref="DeploymentBenchmarks"/> (same loops: a million records per invocation,
/// latencies around 40 ms, one request in 128 failed, sub-buckets spread by a multiplicative hash) measured by the CPU time
/// the process used (<see cref="ProcessCpuClock"/>) rather than the wall clock, so a shared, overloaded machine shows the
/// cost per request instead of the wait for a core. Target: ≤ 30 ns and 0 B per request, with or without a sub-bucket.</summary>
[Config(typeof(ProcessCpuTimeConfig))]
[MedianColumn]
[MinColumn]
public class RecordingCpuTimeBenchmarks
{
    private const int RecordsPerInvoke = 1_000_000;
    private readonly VariantRecorder _recorder = new();
    private long[] _latencyTicks = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _latencyTicks = new long[4096];
        for (var i = 0; i < _latencyTicks.Length; i++)
        {
            _latencyTicks[i] = (long)(TimeSpan.TicksPerMillisecond * 40 * Math.Exp(0.5 * (random.NextDouble() - 0.5)));
        }
    }

    [Benchmark(Description = "VariantRecorder.Record, 1 thread (CPU time)", OperationsPerInvoke = RecordsPerInvoke)]
    public void RecordOneThread() => RecordLoop(0);

    [Benchmark(Description = "VariantRecorder.Record, 2 threads (CPU time per request)", OperationsPerInvoke = 2 * RecordsPerInvoke)]
    public void RecordTwoThreads() => Parallel.Invoke(() => RecordLoop(0), () => RecordLoop(1));

    [Benchmark(Description = "VariantRecorder.Record with a unit sub-bucket, 1 thread (CPU time)", OperationsPerInvoke = RecordsPerInvoke)]
    public void RecordWithSubBucketOneThread() => RecordUnitLoop(0);

    [Benchmark(Description = "VariantRecorder.Record with a unit sub-bucket, 2 threads (CPU time per request)", OperationsPerInvoke = 2 * RecordsPerInvoke)]
    public void RecordWithSubBucketTwoThreads() => Parallel.Invoke(() => RecordUnitLoop(0), () => RecordUnitLoop(1));

    private void RecordLoop(int offset)
    {
        var ticks = _latencyTicks;
        for (var i = 0; i < RecordsPerInvoke; i++)
        {
            _recorder.Record(TimeSpan.FromTicks(ticks[(i + offset) & 4095]), (i & 127) == 0);
        }
    }

    private void RecordUnitLoop(int offset)
    {
        var ticks = _latencyTicks;
        for (var i = 0; i < RecordsPerInvoke; i++)
        {
            _recorder.Record((int)(((uint)(i + offset) * 2654435761u) >> 20), TimeSpan.FromTicks(ticks[(i + offset) & 4095]), (i & 127) == 0);
        }
    }
}
