// BenchmarkDotNet entry point: dotnet run -c Release --project tests/MemQuest.Benchmarks -- --filter "*"
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(MemQuest.Benchmarks.BuddyAllocatorBenchmarks).Assembly).Run(args);
