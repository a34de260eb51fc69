// `memquest bench`: a quick (< 30 s) run of the engine's hot paths, one figure per line. The
// receipts recorder is off (nobody listens), as in a game tick. BenchmarkDotNet has the full suite.
using System.CommandLine;
using MemQuest.App.Cli.Incidents;
using System.Diagnostics;
using MemQuest.Engine.Diagnostics;

namespace MemQuest.App.Cli;

public static class BenchCommand
{
    public static Command Create(Option<string?> contentOption)
    {
        var pairs = new Option<long>("--pairs") { Description = "alloc+free pairs per trace (default 20000000)", DefaultValueFactory = _ => 20_000_000 };
        var judgeRuns = new Option<int>("--judge-runs") { Description = $"par runs of the first three incidents the event judge re-simulates (default {Events.JudgeBench.DefaultRuns}, a quick sample; 0 skips; 10000 for the full figure)", DefaultValueFactory = _ => Events.JudgeBench.DefaultRuns };
        var command = new Command("bench", "measure the engine's hot paths and print one figure per line");
        command.Options.Add(pairs);
        command.Options.Add(judgeRuns);
        command.SetAction(parse =>
        {
            int exit = Run(Console.Out, parse.GetValue(pairs));
            int runs = parse.GetValue(judgeRuns);
            if (exit != 0 || runs <= 0) return exit;
            var catalog = CliContent.Load(ContentLocator.ResolveFromProcess(parse.GetValue(contentOption)), Console.Error, "bench");
            if (catalog is null) return ExitCodes.Usage;
            Console.Out.WriteLine(Events.JudgeBench.Run(catalog, runs, Environment.ProcessorCount));
            return exit;
        });
        return command;
    }

    public static int Run(TextWriter output, long pairs)
    {
        if (pairs < 1) { Console.Error.WriteLine("memquest bench: --pairs must be at least 1"); return 2; }
        output.WriteLine($"order-0 alloc+free: {PairsPerSecond(mixed: false, pairs)} (4 GiB box half full, receipts off)");
        output.WriteLine($"mixed-order alloc+free: {PairsPerSecond(mixed: true, pairs / 4)} (orders 0-3, 8:4:2:1)");
        output.WriteLine($"kmalloc+kfree (8..256 B): {KmallocPairsPerSecond(pairs)} (booted 4 GiB box, receipts off)");
        BeatBench.Result beat = BeatBench.Measure();
        output.WriteLine(System.FormattableString.Invariant(
            $"tui beat at 200x60 (16 ticks + layout + draw, lab screen): median {beat.MedianMs:0.00} ms, p95 {beat.P95Ms:0.00} ms, full redraw {beat.FullRedrawMedianMs:0.00} ms; the first {BeatBench.WarmupBeats} beats, while the JIT warms up: p95 {beat.WarmupP95Ms:0.00} ms"));
        return 0;
    }

    private static string KmallocPairsPerSecond(long pairs)
    {
        var m = MemQuest.Engine.Machine.Boot(MemQuest.Engine.MachineSpec.Default, 1);
        var slab = m.Slab;
        long[] sizes = [8, 16, 32, 64, 96, 128, 192, 256];
        void Run(long n)
        {
            for (long i = 0; i < n; i++)
                slab.Kfree(slab.Kmalloc(sizes[i & 7], MemQuest.Engine.PageAlloc.GfpFlags.GfpKernel));
        }
        Run(Math.Min(pairs, 200_000));
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        Run(pairs);
        sw.Stop();
        process.Refresh();
        double cpuSeconds = Math.Max((process.TotalProcessorTime - cpu0).TotalSeconds, 1e-9);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        // On a shared box the wall-clock rate understates the engine; the per-CPU-second rate does not.
        return $"{(pairs / sw.Elapsed.TotalSeconds / 1e6).ToString("0.0", inv)} M pairs/s wall, {(pairs / cpuSeconds / 1e6).ToString("0.0", inv)} M pairs per CPU-second";
    }

    private static string PairsPerSecond(bool mixed, long pairs)
    {
        var trace = new PageAllocTrace(4L * 1024 * 1024, 50, mixed);
        trace.Run(Math.Min(pairs, 200_000), mixed);
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        trace.Run(pairs, mixed);
        sw.Stop();
        process.Refresh();
        double cpuSeconds = Math.Max((process.TotalProcessorTime - cpu0).TotalSeconds, 1e-9);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        // As for kmalloc: on a shared box the wall-clock rate understates the engine; the per-CPU-second rate does not.
        return $"{(pairs / sw.Elapsed.TotalSeconds / 1e6).ToString("0.0", inv)} M pairs/s wall, {(pairs / cpuSeconds / 1e6).ToString("0.0", inv)} M pairs per CPU-second";
    }
}
