using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AiGovernance.Benchmarks;

/// <summary>The configuration of the benchmarks measured by CPU time: a short in-process job (15 iterations) on
/// <see cref="ProcessCpuClock"/>, with memory diagnostics.</summary>
public sealed class ProcessCpuTimeConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ProcessCpuTimeConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(15).WithClock(new ProcessCpuClock()).WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortRun-CpuTime"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
