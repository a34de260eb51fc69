// 'event judge' and 'event status': load the event, secret and content, judge the folder, then
// write the boards (terminal table, board.md, board.csv, board.html) or the instructor's table.
using MemQuest.App.Cli;
using MemQuest.App.Cli.Incidents;
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public static class EventJudging
{
    public static int Judge(string contentRoot, string eventFile, string folder, int jobs, DateTimeOffset? freezeAt, string outDir,
        TextWriter stdout, TextWriter stderr)
    {
        JudgeResult? result = Load(contentRoot, eventFile, folder, jobs, stderr, "judge", out EventDefinition? e);
        if (result is null) return ExitCodes.Usage;
        Board board = BoardBuilder.Build(e!, result.Entrants, result.Runs, result.Rejections, freezeAt);
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "board.md"), BoardText.Markdown(board));
        File.WriteAllText(Path.Combine(outDir, "board.csv"), BoardText.Csv(board));
        File.WriteAllText(Path.Combine(outDir, "board.html"), BoardHtml.Render(board));
        stdout.Write(BoardText.Table(board));
        stdout.Write($"\nwrote board.md, board.csv and board.html to {outDir}\n");
        return ExitCodes.Ok;
    }

    public static int Status(string contentRoot, string eventFile, string folder, int jobs, TextWriter stdout, TextWriter stderr)
    {
        JudgeResult? result = Load(contentRoot, eventFile, folder, jobs, stderr, "status", out EventDefinition? e);
        if (result is null) return ExitCodes.Usage;
        stdout.Write(EventStatus.Table(e!, result.Entrants, result.Runs, result.Rejections));
        return ExitCodes.Ok;
    }

    private static JudgeResult? Load(string contentRoot, string eventFile, string folder, int jobs, TextWriter stderr, string verb, out EventDefinition? e)
    {
        e = EventFiles.ReadEvent(eventFile, stderr);
        EventSecret? secret = e is null ? null : EventFiles.ReadSecret(eventFile, stderr);
        if (e is null || secret is null) return null;
        if (!Directory.Exists(folder)) { stderr.Write($"memquest event {verb}: no submissions folder '{folder}'\n"); return null; }
        ContentCatalog? catalog = CliContent.Load(contentRoot, stderr, $"event {verb}");
        if (catalog is null) return null;
        if (EventOrganiser.MissingIncident(e, catalog) is { } missing) { stderr.Write($"memquest event {verb}: {missing}\n"); return null; }
        var bar = new ProgressBar(stderr, "judging");
        return EventJudge.Judge(e, secret, catalog, folder, jobs, bar.Report);
    }
}
