using AiGovernance.Core.Audit;
using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>Cost of chaining one record (canonical encoding + SHA-256) in the in-memory log.</summary>
[MemoryDiagnoser]
public class AuditLogBenchmarks
{
    private readonly AuditEvent _event = new("gate.deployment.decided", "ci", "credit-scoring");
    private InMemoryAuditLog _log = null!;

    [IterationSetup]
    public void Setup() => _log = new InMemoryAuditLog(TimeProvider.System);

    [Benchmark]
    public AuditRecord AppendInMemory() => _log.AppendAsync(_event).AsTask().GetAwaiter().GetResult();
}
