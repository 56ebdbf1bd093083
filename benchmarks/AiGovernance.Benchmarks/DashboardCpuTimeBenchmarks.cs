using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>The benchmark of <see cref="DashboardBenchmarks"/> measured by the CPU time the process used
/// (<see cref="ProcessCpuClock"/>) rather than the wall clock, so a shared, overloaded machine shows the cost of rendering the
/// page instead of the wait for a core. Target: the system page over 52 weekly windows × 30 columns in at most 200 ms.</summary>
[Config(typeof(ProcessCpuTimeConfig))]
public class DashboardCpuTimeBenchmarks : DashboardBenchmarks
{
}
