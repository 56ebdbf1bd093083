using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/AiGovernance.Orleans.Benchmarks -- --filter '*DriftCollector*' --job short
BenchmarkSwitcher.FromAssembly(typeof(AiGovernance.Benchmarks.DriftCollectorBenchmarks).Assembly).Run(args);
