// `memquest play ID --plain [--seed N] [--record FILE]`: play an incident in line mode (standard
// input), print the verdicts, score and RESULT line; --record writes the run file for replay.
using System.CommandLine;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Debrief;
using MemQuest.Scenarios.Scoring;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Cli.Incidents;

public static class PlayCommand
{
    public static Command Create(Option<string?> contentOption)
    {
        var id = new Argument<string>("ID") { Description = "incident id (the slug of content/scenarios/NNN-slug.yaml)" };
        var plain = new Option<bool>("--plain") { Description = "line mode: commands from standard input, no full screen" };
        var seed = new Option<ulong?>("--seed") { Description = "seed (default: the incident's own)" };
        var record = new Option<string?>("--record") { Description = "write the run file (JSON) here when the incident ends" };
        var postmortem = new Option<string?>("--postmortem") { Description = "write the Markdown incident report here when the incident ends" };
        var command = new Command("play", "play an incident");
        command.Arguments.Add(id);
        command.Options.Add(plain);
        command.Options.Add(seed);
        command.Options.Add(record);
        command.Options.Add(postmortem);
        command.SetAction(parse =>
        {
            if (!parse.GetValue(plain))
            {
                Console.Error.Write("memquest play: the full-screen game is not built yet; use 'memquest play ID --plain'\n");
                return ExitCodes.Usage;
            }
            string root = ContentLocator.ResolveFromProcess(parse.GetValue(contentOption));
            return Run(root, parse.GetValue(id)!, parse.GetValue(seed), new PlayOutputs(parse.GetValue(record), parse.GetValue(postmortem)), Console.In, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(string contentRoot, string id, ulong? seed, PlayOutputs outputs, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ContentCatalog? catalog = CliContent.Load(contentRoot, stderr, "play");
        if (catalog is null) return ExitCodes.Usage;
        ScenarioDefinition? s = CliContent.Scenario(catalog, id, stderr, "play");
        if (s is null) return ExitCodes.Usage;
        Session session = Session.Start(s, seed ?? s.Seed, catalog.Digest);
        SessionOutcome outcome = new PlainRunner(stdin, stdout).Run(s, session);
        int exit = RunReport.Print(s, outcome, stdout, out ScoreCard card);
        bool written = Write(outputs.RunFilePath, () => RunFile.Write(outcome.Log), "run file", stdout, stderr)
            & Write(outputs.PostmortemPath, () => Postmortem.Write(session, card), "postmortem", stdout, stderr);
        return written ? exit : ExitCodes.LostOrFailed;
    }

    private static bool Write(string? path, Func<string> text, string what, TextWriter stdout, TextWriter stderr)
    {
        if (path is null) return true;
        try
        {
            File.WriteAllText(path, text());
            stdout.Write($"{what} written to {path}\n");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.Write($"memquest play: cannot write the {what} '{path}': {e.Message}; choose a writable path\n");
            return false;
        }
    }
}
