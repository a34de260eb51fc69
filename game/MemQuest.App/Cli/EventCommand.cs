// `memquest event ...`: team events (game-design §2). Organiser: new, tickets, judge, status.
// Player: join, play, submit, debrief. The work is in MemQuest.App.Events; this file only wires options.
using System.CommandLine;
using MemQuest.App.Cli.Incidents;
using MemQuest.App.Events;
using MemQuest.Persistence;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Cli;

public static class EventCommand
{
    public static Command Create(Option<string?> contentOption, Option<string?> savesOption)
    {
        var command = new Command("event", "run a team event: write it, issue tickets, judge submissions; or join one and submit your runs");
        command.Subcommands.Add(NewCommand(contentOption));
        command.Subcommands.Add(TicketsCommand());
        command.Subcommands.Add(JudgeCommand(contentOption));
        command.Subcommands.Add(StatusCommand(contentOption));
        command.Subcommands.Add(JoinCommand(savesOption));
        command.Subcommands.Add(PlayCommand(contentOption, savesOption));
        command.Subcommands.Add(SubmitCommand(contentOption, savesOption));
        command.Subcommands.Add(DebriefCommand(contentOption, savesOption));
        return command;
    }

    private static Command NewCommand(Option<string?> contentOption)
    {
        var id = new Option<string>("--id") { Description = "event id (lower-case letters, digits, dashes)", Required = true };
        var title = new Option<string?>("--title") { Description = "title shown on the board (default: the id)" };
        var incidents = new Option<string?>("--incidents") { Description = "comma-separated incident ids (default: every incident in the content)" };
        var brackets = new Option<string>("--brackets") { Description = "comma-separated brackets, e.g. junior,senior", DefaultValueFactory = _ => "open" };
        var start = new Option<string?>("--start") { Description = "window start, UTC (default: now)" };
        var end = new Option<string?>("--end") { Description = "window end, UTC (default: a day after the start)" };
        var noHints = new Option<bool>("--no-hints") { Description = "hints may not be bought" };
        var hintCost = new Option<int>("--hint-cost-percent") { Description = "share of a hint's cost charged", DefaultValueFactory = _ => 100 };
        var attempts = new Option<int>("--attempts") { Description = "runs per incident that count (0: no limit)" };
        var team = new Option<string>("--team-scoring") { Description = "sum (sum of members' best) or best (best per incident)", DefaultValueFactory = _ => "sum" };
        var output = new Option<string?>("--out") { Description = "event file to write (default: ID.event.yaml); the secret goes beside it as .secret" };
        var c = new Command("new", "write an event file and its secret");
        foreach (Option o in new Option[] { id, title, incidents, brackets, start, end, noHints, hintCost, attempts, team, output }) c.Options.Add(o);
        c.SetAction(p =>
        {
            string eventId = p.GetValue(id)!;
            string[] list = Split(p.GetValue(incidents));
            if (list.Length == 0)
            {
                ContentCatalog? catalog = CliContent.Load(ContentLocator.ResolveFromProcess(p.GetValue(contentOption)), Console.Error, "event new");
                if (catalog is null) return ExitCodes.Usage;
                list = catalog.Scenarios.Select(s => s.Id).ToArray();
            }
            DateTimeOffset from = Time(p.GetValue(start)) ?? TimeProvider.System.GetUtcNow();
            from = new DateTimeOffset(from.Ticks - from.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            DateTimeOffset to = Time(p.GetValue(end)) ?? from.AddDays(1);
            var rules = new EventRules(!p.GetValue(noHints), p.GetValue(hintCost), from, to, p.GetValue(attempts));
            var e = new EventDefinition(eventId, p.GetValue(title) ?? eventId, list, rules, Split(p.GetValue(brackets)),
                p.GetValue(team) == "best" ? TeamScoring.BestPerIncident : TeamScoring.SumOfMembersBest);
            return EventOrganiser.New(e, p.GetValue(output) ?? $"{eventId}.event.yaml", Console.Out, Console.Error);
        });
        return c;
    }

    private static Command TicketsCommand()
    {
        var eventFile = EventArgument();
        var players = new Option<string>("--players") { Description = "roster CSV: name,team,bracket", Required = true };
        var output = new Option<string>("--out") { Description = "folder for the ticket files", DefaultValueFactory = _ => "tickets" };
        var c = new Command("tickets", "sign one ticket per player on the roster");
        c.Arguments.Add(eventFile);
        c.Options.Add(players);
        c.Options.Add(output);
        c.SetAction(p => EventOrganiser.Tickets(p.GetValue(eventFile)!, p.GetValue(players)!, p.GetValue(output)!, Console.Out, Console.Error));
        return c;
    }

    private static Command JudgeCommand(Option<string?> contentOption)
    {
        var eventFile = EventArgument();
        var folder = FolderArgument();
        var jobs = JobsOption();
        var freeze = new Option<string?>("--freeze-at") { Description = "hide results of runs finished after this UTC time" };
        var output = new Option<string?>("--out") { Description = "folder for board.md, board.csv and board.html (default: beside the event file)" };
        var c = new Command("judge", "re-simulate every submitted run and write the boards");
        c.Arguments.Add(eventFile);
        c.Arguments.Add(folder);
        c.Options.Add(jobs);
        c.Options.Add(freeze);
        c.Options.Add(output);
        c.SetAction(p =>
        {
            string? freezeText = p.GetValue(freeze);
            DateTimeOffset? freezeAt = Time(freezeText);
            if (freezeText is not null && freezeAt is null) { Console.Error.Write("memquest event judge: --freeze-at must be a UTC time like 2026-11-24T15:00:00Z\n"); return ExitCodes.Usage; }
            string path = p.GetValue(eventFile)!;
            string outDir = p.GetValue(output) ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
            return EventJudging.Judge(ContentLocator.ResolveFromProcess(p.GetValue(contentOption)), path, p.GetValue(folder)!, p.GetValue(jobs), freezeAt, outDir, Console.Out, Console.Error);
        });
        return c;
    }

    private static Command StatusCommand(Option<string?> contentOption)
    {
        var eventFile = EventArgument();
        var folder = FolderArgument();
        var jobs = JobsOption();
        var c = new Command("status", "who has solved what, and who is stuck");
        c.Arguments.Add(eventFile);
        c.Arguments.Add(folder);
        c.Options.Add(jobs);
        c.SetAction(p => EventJudging.Status(ContentLocator.ResolveFromProcess(p.GetValue(contentOption)), p.GetValue(eventFile)!, p.GetValue(folder)!, p.GetValue(jobs), Console.Out, Console.Error));
        return c;
    }

    private static Command JoinCommand(Option<string?> savesOption)
    {
        var ticket = new Argument<string>("TICKET") { Description = "the ticket file the organiser gave you" };
        var profile = new Option<string?>("--profile") { Description = "the profile to keep the event in (may be left out when there is only one)" };
        var c = new Command("join", "join an event with your ticket (kept in your profile; the game's title screen lists it)");
        c.Arguments.Add(ticket);
        c.Options.Add(profile);
        c.SetAction(p => EventPlayer.Join(p.GetValue(ticket)!, SavesLocator.ResolveFromProcess(p.GetValue(savesOption)), Console.Out, Console.Error, p.GetValue(profile)));
        return c;
    }

    private static Command PlayCommand(Option<string?> contentOption, Option<string?> savesOption)
    {
        var incident = new Argument<string>("INCIDENT") { Description = "an incident of the event" };
        var eventId = EventIdOption();
        var plain = new Option<bool>("--plain") { Description = "line mode: commands from standard input, no full screen" };
        var c = new Command("play", "play an event incident on your seed (line mode) and keep the run for submit");
        c.Arguments.Add(incident);
        c.Options.Add(eventId);
        c.Options.Add(plain);
        c.SetAction(p => !p.GetValue(plain)
            ? Fail("memquest event play: the full-screen game is not built yet; use 'memquest event play INCIDENT --plain'")
            : EventPlayer.Play(ContentLocator.ResolveFromProcess(p.GetValue(contentOption)), SavesLocator.ResolveFromProcess(p.GetValue(savesOption)),
            p.GetValue(eventId), p.GetValue(incident)!, Console.In, Console.Out, Console.Error, TimeProvider.System));
        return c;
    }

    private static Command SubmitCommand(Option<string?> contentOption, Option<string?> savesOption)
    {
        var eventId = EventIdOption();
        var output = new Option<string?>("--out") { Description = "submission file to write (default: EVENT-TEAM-NAME.submission.json)" };
        var c = new Command("submit", "write your submission file for the organiser");
        c.Options.Add(eventId);
        c.Options.Add(output);
        c.SetAction(p => EventPlayer.Submit(ContentLocator.ResolveFromProcess(p.GetValue(contentOption)), SavesLocator.ResolveFromProcess(p.GetValue(savesOption)),
            p.GetValue(eventId), p.GetValue(output), Console.Out, Console.Error, TimeProvider.System));
        return c;
    }

    private static Command DebriefCommand(Option<string?> contentOption, Option<string?> savesOption)
    {
        var incident = new Argument<string>("INCIDENT") { Description = "an incident of the event" };
        var eventId = EventIdOption();
        var c = new Command("debrief", "after the event ends: an incident's par solution and debrief");
        c.Arguments.Add(incident);
        c.Options.Add(eventId);
        c.SetAction(p => EventDebrief.Show(ContentLocator.ResolveFromProcess(p.GetValue(contentOption)), SavesLocator.ResolveFromProcess(p.GetValue(savesOption)),
            p.GetValue(eventId), p.GetValue(incident)!, Console.Out, Console.Error, TimeProvider.System));
        return c;
    }

    private static int Fail(string message)
    {
        Console.Error.Write(message + "\n");
        return ExitCodes.Usage;
    }

    private static Argument<string> EventArgument() => new("EVENT") { Description = "the event file (its secret is read from beside it)" };

    private static Argument<string> FolderArgument() => new("SUBMISSIONS_DIR") { Description = "folder of submission files (every file in it is judged or rejected by name)" };

    private static Option<int> JobsOption() => new("--jobs") { Description = "worker threads", DefaultValueFactory = _ => Environment.ProcessorCount };

    private static Option<string?> EventIdOption() => new("--event") { Description = "which joined event (may be left out when there is only one)" };

    private static string[] Split(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateTimeOffset? Time(string? text) => text is null ? null : EventFile.Time(text);
}
