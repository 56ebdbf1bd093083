using System.Diagnostics;
using System.Globalization;
using AiGovernance.Benchmarks;
using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/AiGovernance.Orleans.Benchmarks -- --filter '*DriftCollector*' --job short
// On a busy machine, `-- cpu` measures the same work in process CPU time (not wall time), which other processes disturb less.
if (args is ["cpu", ..])
{
    var benchmark = new DriftCollectorBenchmarks();
    benchmark.Setup();
    for (var round = 0; round < 3; round++)
    {
        benchmark.Drain();
        var record = CpuNanoseconds(() => benchmark.Record(), DriftCollectorBenchmarks.RowsPerInvoke, DriftCollectorBenchmarks.Invocations);
        var recordAllocated = s_allocated;
        var fold = CpuNanoseconds(() => benchmark.FoldAndFlush(), DriftCollectorBenchmarks.RowsPerInvoke * DriftCollectorBenchmarks.Invocations, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: Record {record:F1} ns CPU per row; fold + flush {fold:F1} ns CPU per row; bytes allocated on the recording thread for {DriftCollectorBenchmarks.RowsPerInvoke * DriftCollectorBenchmarks.Invocations} rows: {recordAllocated}"));
    }

    benchmark.Cleanup();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DriftCollectorBenchmarks).Assembly).Run(args);

static double CpuNanoseconds(Action action, int rowsPerCall, int calls)
{
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < calls; i++)
    {
        action();
    }

    s_allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalNanoseconds / ((double)rowsPerCall * calls);
}

internal static partial class Program
{
    private static long s_allocated;
}
