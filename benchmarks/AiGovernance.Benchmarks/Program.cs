using BenchmarkDotNet.Running;

// Run a suite with: dotnet run -c Release --project benchmarks/AiGovernance.Benchmarks -- --filter '*AuditLog*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
