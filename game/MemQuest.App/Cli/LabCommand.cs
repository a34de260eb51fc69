// `memquest lab [--mem SIZE] [--cpus N] [--swap SIZE] [--seed N] [--keep-going] [SCRIPT | -]`:
// the engine's headless console (System.CommandLine wiring and flag validation).
using System.CommandLine;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.App.Cli;

public static class LabCommand
{
    public static Command Create()
    {
        var mem = new Option<string>("--mem") { Description = "RAM of the box: MemTotal exactly (bytes, or k/m/g/t; default 4G)", DefaultValueFactory = _ => "4G" };
        var cpus = new Option<int>("--cpus") { Description = "CPUs (1..1024; default 2)", DefaultValueFactory = _ => 2 };
        var swap = new Option<string>("--swap") { Description = "swap size (default 0)", DefaultValueFactory = _ => "0" };
        var seed = new Option<ulong>("--seed") { Description = "seed of the box's randomness (default 1)", DefaultValueFactory = _ => 1UL };
        var keepGoing = new Option<bool>("--keep-going") { Description = "run the rest of the script after a command fails" };
        var script = new Argument<string?>("SCRIPT") { Description = "file of console lines, or - for standard input; none: interactive", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("lab", "the engine's console: build situations and read /proc as a kernel would print it");
        command.Options.Add(mem);
        command.Options.Add(cpus);
        command.Options.Add(swap);
        command.Options.Add(seed);
        command.Options.Add(keepGoing);
        command.Arguments.Add(script);
        command.SetAction(parse =>
        {
            string? scriptArg = parse.GetValue(script);
            if (scriptArg is not null && scriptArg.StartsWith('-') && scriptArg != "-")
            {
                Console.Error.WriteLine($"memquest lab: unknown option '{scriptArg}'");
                Console.Error.WriteLine("Try 'memquest lab --help'.");
                return 2;
            }
            string? error = Validate(parse.GetValue(mem)!, parse.GetValue(cpus), parse.GetValue(swap)!, out long memBytes, out long swapBytes);
            if (error is not null)
            {
                Console.Error.WriteLine($"memquest lab: {error}");
                Console.Error.WriteLine("Try 'memquest lab --help'.");
                return 2;
            }
            var options = new LabOptions(memBytes, parse.GetValue(cpus), swapBytes, parse.GetValue(seed), parse.GetValue(keepGoing), parse.GetValue(script));
            return Run(options);
        });
        return command;
    }

    /// <summary>Check the box's size flags (shared with the TUI's lab setup); null when they are valid.</summary>
    internal static string? Validate(string mem, int cpus, string swap, out long memBytes, out long swapBytes)
    {
        swapBytes = 0;
        if (!SizeParser.TryParseBytes(mem, out memBytes)) return $"--mem '{mem}' is not a size; use bytes or a number with k, m, g or t (e.g. 4G, 24684084k)";
        if (memBytes % 4096 != 0) return $"--mem {mem} is not a whole number of 4 KiB pages";
        long kb = memBytes / 1024;
        if (kb < ZoneLayout.MinMemTotalKb || kb > ZoneLayout.MaxMemTotalKb) return $"--mem must be between {ZoneLayout.MinMemTotalKb / 1024}M and {ZoneLayout.MaxMemTotalKb >> 20}G";
        if (cpus is < 1 or > 1024) return $"--cpus {cpus} is out of range; use 1..1024";
        if (!SizeParser.TryParseBytes(swap, out swapBytes)) return $"--swap '{swap}' is not a size; use bytes or a number with k, m, g or t";
        if (swapBytes % 4096 != 0) return $"--swap {swap} is not a whole number of 4 KiB pages";
        return null;
    }

    public static int Run(LabOptions options)
    {
        var runner = new LabRunner(Console.Out, Console.Error);
        var shell = runner.Boot(options);
        if (options.Script == "-") return runner.RunScript(shell, Console.In, options.KeepGoing);
        if (options.Script is not null)
        {
            if (!File.Exists(options.Script))
            {
                Console.Error.WriteLine($"memquest lab: cannot open script '{options.Script}': no such file");
                return 2;
            }
            using var reader = new StreamReader(options.Script);
            return runner.RunScript(shell, reader, options.KeepGoing);
        }
        return Console.IsInputRedirected
            ? runner.RunScript(shell, Console.In, options.KeepGoing)
            : runner.RunInteractive(shell, Console.In);
    }
}
