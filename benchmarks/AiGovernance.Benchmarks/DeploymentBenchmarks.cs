using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Hot paths of the deployment package. Targets: bucketing ≤ 300 ns and 0 B; recording ≤ 30 ns and 0 B per
/// request with throughput growing from 1 to 2 threads; a canary analysis over 10 million recorded requests ≤ 1 ms.</summary>
[MemoryDiagnoser]
public class DeploymentBenchmarks
{
    private const int RecordsPerInvoke = 1_000_000;
    private readonly VariantRecorder _recorder = new();
    private long[] _latencyTicks = [];
    private CanaryObservation _observation = null!;
    private CanaryRecorder _tenMillion = null!;

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
    }

    [Benchmark(Description = "StableBucketing.Fraction (14-char id)")]
    public double Bucketing() => StableBucketing.Fraction("user-123456789", "fraud-model-v2");

    [Benchmark(Description = "SHA256.HashData one-shot, same 30 bytes (BCL floor)")]
    public byte Sha256OneShot()
    {
        Span<byte> digest = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData("user-123456789\nfraud-model-v2"u8, digest);
        return digest[0];
    }

    [Benchmark(Description = "VariantRecorder.Record, 1 thread", OperationsPerInvoke = RecordsPerInvoke)]
    public void RecordOneThread() => RecordLoop(0);

    [Benchmark(Description = "VariantRecorder.Record, 2 threads (ns per request across both)", OperationsPerInvoke = 2 * RecordsPerInvoke)]
    public void RecordTwoThreads() => Parallel.Invoke(() => RecordLoop(0), () => RecordLoop(1));

    [Benchmark(Description = "CanaryAnalyzer.Analyze over 10M recorded requests")]
    public CanaryAnalysis AnalyzeTenMillion() => CanaryAnalyzer.Analyze(_observation);

    [Benchmark(Description = "Snapshot + Analyze over 10M recorded requests")]
    public CanaryAnalysis SnapshotAndAnalyzeTenMillion() => CanaryAnalyzer.Analyze(new CanaryObservation(_tenMillion.Snapshot(), 0.05));

    private void RecordLoop(int offset)
    {
        var ticks = _latencyTicks;
        for (var i = 0; i < RecordsPerInvoke; i++)
        {
            _recorder.Record(TimeSpan.FromTicks(ticks[(i + offset) & 4095]), (i & 127) == 0);
        }
    }
}
