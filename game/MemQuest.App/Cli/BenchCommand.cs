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
        var judgeRuns = new Option<int>("--judge-runs") { Description = "event runs to judge (default 1000; 0 skips; 10000 for the full figure)", DefaultValueFactory = _ => 1000 };
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
        output.WriteLine($"order-0 alloc+free: {PairsPerSecond(mixed: false, pairs)} M pairs/s (4 GiB box half full, receipts off)");
        output.WriteLine($"mixed-order alloc+free: {PairsPerSecond(mixed: true, pairs / 4)} M pairs/s (orders 0-3, 8:4:2:1)");
        return 0;
    }

    private static string PairsPerSecond(bool mixed, long pairs)
    {
        var trace = new PageAllocTrace(4L * 1024 * 1024, 50, mixed);
        trace.Run(Math.Min(pairs, 200_000), mixed);
        var sw = Stopwatch.StartNew();
        trace.Run(pairs, mixed);
        sw.Stop();
        double rate = pairs / sw.Elapsed.TotalSeconds / 1e6;
        return rate.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
