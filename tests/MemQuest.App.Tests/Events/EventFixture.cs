// A throwaway team event on the test content (incident netcap-buffer): the event file and secret in
// a temp folder, a submissions folder, and helpers to write genuine or doctored submissions.
using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Events;
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Tests.Events;

internal sealed class EventFixture : IDisposable
{
    public const string Incident = "netcap-buffer";
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<ContentCatalog> LazyCatalog = new(() => ContentLoader.Load(ContentRoot).Catalog);
    private static readonly EventSecret FixedSecret = EventSecret.Parse(new string('7', 64), out _)!;

    public EventFixture(TeamScoring teamScoring = TeamScoring.SumOfMembersBest, bool hints = true, int attempts = 0, int hintCostPercent = 100)
    {
        Root = Path.Combine(Path.GetTempPath(), "memquest-event-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Submissions);
        Event = new EventDefinition("golden-day", "Golden day", [Incident], new EventRules(hints, hintCostPercent, Start, Start.AddHours(8), attempts), ["junior", "senior"], teamScoring);
        File.WriteAllText(EventPath, EventFile.Write(Event));
        File.WriteAllText(Path.Combine(Root, "golden.event.secret"), Secret.ToHex() + "\n");
    }

    public static string ContentRoot => Path.Combine(AppContext.BaseDirectory, "TestContent");
    public static ContentCatalog Catalog => LazyCatalog.Value;
    public static ScenarioDefinition Scenario => Catalog[Incident];
    public string Root { get; }
    public string Submissions => Path.Combine(Root, "submissions");
    public string EventPath => Path.Combine(Root, "golden.event.yaml");
    public EventDefinition Event { get; }
    public EventSecret Secret => FixedSecret;

    public Ticket TicketFor(string player, string team, string bracket) => Tickets.Issue(Secret, Event, player, team, bracket);

    /// <summary>A run as the player's machine would record it: the log on the ticket's seed and its final digest.</summary>
    public static SubmittedRun Played(Ticket t, IReadOnlyList<LoggedCommand> commands, int minutesIn)
    {
        ScenarioDefinition s = Scenario;
        var log = new SessionLog(s.Id, Catalog.Digest, Engine.EngineInfo.Version, t.SeedFor(s.Id)!.Value, commands, s.EndTick);
        return new SubmittedRun(log, Replayer.Run(s, log).Digest, Start.AddMinutes(minutesIn), null);
    }

    public static IReadOnlyList<LoggedCommand> Par => Replayer.ParLog(Scenario, Catalog.Digest).Commands;

    public static IReadOnlyList<LoggedCommand> LatePar => [new(10, "journalctl -k"), new(300, "modprobe netcap buf_alloc=vmalloc")];

    public string Write(string file, Submission s) => WriteText(file, SubmissionFile.Write(s));

    public string WriteText(string file, string text)
    {
        string path = Path.Combine(Submissions, file);
        File.WriteAllText(path, text);
        return path;
    }

    public Submission SubmissionOf(Ticket t, int minutesIn, params SubmittedRun[] runs) => new(t.Player, t.Team, Start.AddMinutes(minutesIn), t, runs);

    /// <summary>The golden event: Ada (red, junior) plays par; Bob (red, senior) does nothing; Cy (blue, senior) solves late.</summary>
    public void WriteGolden()
    {
        Ticket ada = TicketFor("Ada", "red", "junior"), bob = TicketFor("Bob", "red", "senior"), cy = TicketFor("Cy", "blue", "senior");
        Write("ada.json", SubmissionOf(ada, 60, Played(ada, Par, 30)));
        Write("bob.json", SubmissionOf(bob, 61, Played(bob, [], 20), Played(bob, [new(5, "free -m")], 40)));
        Write("cy.json", SubmissionOf(cy, 62, Played(cy, LatePar, 10)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
