using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Hot paths of the deployment package (bucketing: <see cref="StableBucketingBenchmarks"/>). Targets: recording
/// ≤ 30 ns and 0 B per request (with or without a unit sub-bucket) with throughput growing from 1 to 2 threads; a canary
/// analysis over 10 million recorded requests ≤ 1 ms.</summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class DeploymentBenchmarks
{
    private const int RecordsPerInvoke = 1_000_000;
    private readonly VariantRecorder _recorder = new();
    private long[] _latencyTicks = [];
    private CanaryObservation _observation = null!;
    private CanaryObservation _unitObservation = null!;
    private CanaryRecorder _tenMillion = null!;
    private CanaryRecorder _tenMillionUnits = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _latencyTicks = new long[4096];
        for (var i = 0; i < _latencyTicks.Length; i++)
        {
            _latencyTicks[i] = (long)(TimeSpan.TicksPerMillisecond * 40 * Math.Exp(0.5 * (random.NextDouble() - 0.5)));
        }

        _tenMillion = new CanaryRecorder();
        for (var i = 0; i < 10_000_000; i++)
        {
            var candidate = i % 20 == 0;
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var latency = TimeSpan.FromMilliseconds((candidate ? 44 : 40) * Math.Exp(0.4 * normal));
            (candidate ? _tenMillion.Candidate : _tenMillion.Baseline).Record(latency, random.NextDouble() < 0.01);
        }

        _observation = new CanaryObservation(_tenMillion.Snapshot(), 0.05);

        // Unit-routed: 2 million customers with 5 requests each on average, assigned by the router at 5%.
        var unitRouter = new CanaryRouter("fraud-model-v2", 0.05) { RecentUnitCacheSize = 0 };
        _tenMillionUnits = new CanaryRecorder();
        for (var customer = 0; customer < 2_000_000; customer++)
        {
            var assignment = unitRouter.Assign("customer-" + customer);
            for (var request = 0; request < 1 + (customer % 9); request++)
            {
                _tenMillionUnits.Record(assignment, TimeSpan.FromTicks(_latencyTicks[(customer + request) & 4095]), random.NextDouble() < 0.01);
            }
        }

        _unitObservation = new CanaryObservation(_tenMillionUnits.Snapshot(), 0.05) { Design = RoutingDesign.PerUnit };
    }

    [Benchmark(Description = "VariantRecorder.Record, 1 thread", OperationsPerInvoke = RecordsPerInvoke)]
    public void RecordOneThread() => RecordLoop(0);

    [Benchmark(Description = "VariantRecorder.Record, 2 threads (ns per request across both)", OperationsPerInvoke = 2 * RecordsPerInvoke)]
    public void RecordTwoThreads() => Parallel.Invoke(() => RecordLoop(0), () => RecordLoop(1));

    [Benchmark(Description = "VariantRecorder.Record with a unit sub-bucket, 1 thread", OperationsPerInvoke = RecordsPerInvoke)]
    public void RecordWithSubBucketOneThread() => RecordUnitLoop(0);

    [Benchmark(Description = "VariantRecorder.Record with a unit sub-bucket, 2 threads (ns per request across both)", OperationsPerInvoke = 2 * RecordsPerInvoke)]
    public void RecordWithSubBucketTwoThreads() => Parallel.Invoke(() => RecordUnitLoop(0), () => RecordUnitLoop(1));

    [Benchmark(Description = "CanaryAnalyzer.Analyze over 10M recorded requests")]
    public CanaryAnalysis AnalyzeTenMillion() => CanaryAnalyzer.Analyze(_observation);

    [Benchmark(Description = "Snapshot + Analyze over 10M recorded requests")]
    public CanaryAnalysis SnapshotAndAnalyzeTenMillion() => CanaryAnalyzer.Analyze(new CanaryObservation(_tenMillion.Snapshot(), 0.05));

    private void RecordUnitLoop(int offset)
    {
        var ticks = _latencyTicks;
        for (var i = 0; i < RecordsPerInvoke; i++)
        {
            _recorder.Record((int)(((uint)(i + offset) * 2654435761u) >> 20), TimeSpan.FromTicks(ticks[(i + offset) & 4095]), (i & 127) == 0);
        }
    }

    [Benchmark(Description = "CanaryAnalyzer.Analyze, per-unit routing, 10M requests of 2M customers")]
    public CanaryAnalysis AnalyzeTenMillionPerUnit() => CanaryAnalyzer.Analyze(_unitObservation);

    [Benchmark(Description = "Snapshot + Analyze, per-unit routing, 10M requests")]
    public CanaryAnalysis SnapshotAndAnalyzeTenMillionPerUnit() =>
        CanaryAnalyzer.Analyze(new CanaryObservation(_tenMillionUnits.Snapshot(), 0.05) { Design = RoutingDesign.PerUnit });

    private void RecordLoop(int offset)
    {
        var ticks = _latencyTicks;
        for (var i = 0; i < RecordsPerInvoke; i++)
        {
            _recorder.Record(TimeSpan.FromTicks(ticks[(i + offset) & 4095]), (i & 127) == 0);
        }
    }
}
