using BenchmarkDotNet.Attributes;

namespace AiGovernance.Benchmarks;

/// <summary>The benchmarks of <see cref="StableBucketingBenchmarks"/> measured by the CPU time the process used
/// (<see cref="ProcessCpuClock"/>) rather than the wall clock, so a shared, overloaded machine shows the cost of a call
/// instead of the wait for a core. Targets: ≤ 300 ns for a unit seen recently, ≤ 1 µs for a new one, 0 B.</summary>
[Config(typeof(ProcessCpuTimeConfig))]
public class StableBucketingCpuTimeBenchmarks : StableBucketingBenchmarks
{
}
