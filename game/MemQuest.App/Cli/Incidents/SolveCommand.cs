// `memquest solve ID [--seed N] [-c]`: the OSTEP-style trace of the par solution. Echoes the inputs
// (ARG lines), prints one line per step and per kernel receipt; without -c the par commands are
// hidden ("?") so the trace is a quiz; with -c they and their output are revealed.
using System.CommandLine;
using MemQuest.Engine;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Cli.Incidents;

public static class SolveCommand
{
    /// <summary>Kernel receipts shown in the trace (the debrief has them all).</summary>
    public const int MaxReceipts = 12;

    public static Command Create(Option<string?> contentOption)
    {
        var id = new Argument<string>("ID") { Description = "incident id" };
        var seed = new Option<ulong?>("--seed") { Description = "seed (default: the incident's own)" };
        var reveal = new Option<bool>("-c") { Description = "reveal the answers (the par commands and what they print)" };
        var command = new Command("solve", "trace the par solution step by step (OSTEP style; -c reveals)");
        command.Arguments.Add(id);
        command.Options.Add(seed);
        command.Options.Add(reveal);
        command.SetAction(parse => Run(ContentLocator.ResolveFromProcess(parse.GetValue(contentOption)), parse.GetValue(id)!, parse.GetValue(seed), parse.GetValue(reveal), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string contentRoot, string id, ulong? seed, bool reveal, TextWriter stdout, TextWriter stderr)
    {
        ContentCatalog? catalog = CliContent.Load(contentRoot, stderr, "solve");
        if (catalog is null) return ExitCodes.Usage;
        ScenarioDefinition? s = CliContent.Scenario(catalog, id, stderr, "solve");
        if (s is null) return ExitCodes.Usage;
        ulong runSeed = seed ?? s.Seed;
        stdout.Write($"ARG scenario {s.Id}   ARG seed {runSeed}   ARG engine {EngineInfo.Version}   ARG content {catalog.Digest[..12]}\n");
        SessionLog par = Replayer.ParLog(s, catalog.Digest) with { Seed = runSeed };
        var trace = new List<(long Tick, int Order, string Text)>();
        SessionOutcome outcome = Replayer.Run(s, par, observer: (session, c, r) =>
        {
            var text = new System.Text.StringBuilder($"tick {c.Tick,5}  {(reveal ? c.Line : "?  (what does the admin type here? -c reveals)")}\n");
            if (reveal) foreach (string line in r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(12)) text.Append($"            | {line}\n");
            trace.Add((c.Tick, 0, text.ToString()));
        });
        foreach (var e in outcome.Receipts.Events.Take(MaxReceipts)) trace.Add((e.Tick, 1, $"tick {e.Tick,5}  kernel: {e.Describe()}\n"));
        foreach (var t in trace.OrderBy(t => t.Tick).ThenBy(t => t.Order)) stdout.Write(t.Text);
        return RunReport.Print(s, outcome, stdout);
    }
}
