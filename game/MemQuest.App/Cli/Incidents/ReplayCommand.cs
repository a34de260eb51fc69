// `memquest replay RUNFILE`: re-simulate a run file (a player's log) and print the verdicts, score
// and final digest. Refuses runs recorded on other content or another engine version.
using System.CommandLine;
using MemQuest.Engine;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Cli.Incidents;

public static class ReplayCommand
{
    public static Command Create(Option<string?> contentOption)
    {
        var file = new Argument<string>("RUNFILE") { Description = "a run file written by 'memquest play --record'" };
        var command = new Command("replay", "re-simulate a run file and print its verdicts, score and digest");
        command.Arguments.Add(file);
        command.SetAction(parse => Run(ContentLocator.ResolveFromProcess(parse.GetValue(contentOption)), parse.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string contentRoot, string runFile, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(runFile)) { stderr.Write($"memquest replay: no run file '{runFile}'; pass the path of a run file\n"); return ExitCodes.Usage; }
        SessionLog? log = RunFile.Read(File.ReadAllText(runFile), out string? error);
        if (log is null) { stderr.Write($"memquest replay: {runFile}: {error}\n"); return ExitCodes.Usage; }
        ContentCatalog? catalog = CliContent.Load(contentRoot, stderr, "replay");
        if (catalog is null) return ExitCodes.Usage;
        if (log.EngineVersion != EngineInfo.Version)
        {
            stderr.Write($"memquest replay: {runFile} was recorded on engine version {log.EngineVersion}, this is version {EngineInfo.Version}; replay it with that version\n");
            return ExitCodes.Usage;
        }
        if (log.ContentDigest != catalog.Digest)
        {
            stderr.Write($"memquest replay: {runFile} was recorded on other content (digest {log.ContentDigest[..Math.Min(12, log.ContentDigest.Length)]}, here {catalog.Digest[..12]}); replay it with the content it was played on\n");
            return ExitCodes.Usage;
        }
        ScenarioDefinition? s = CliContent.Scenario(catalog, log.ScenarioId, stderr, "replay");
        if (s is null) return ExitCodes.Usage;
        stdout.Write($"replaying {log.ScenarioId} seed {log.Seed}: {log.Commands.Count} command(s), end tick {log.EndTick}\n");
        return RunReport.Print(s, Replayer.Run(s, log), stdout);
    }
}
