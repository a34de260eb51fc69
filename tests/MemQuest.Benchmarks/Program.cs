// Runs the BenchmarkDotNet suite: `dotnet run -c Release --project tests/MemQuest.Benchmarks -- --filter '*'`.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MemQuest.Benchmarks.KmallocBenchmarks).Assembly).Run(args);
