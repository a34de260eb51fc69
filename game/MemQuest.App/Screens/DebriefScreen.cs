// The debrief: the score card per metric with the verdicts, the player's actions beside par,
// robustness over the hidden seeds, and the kernel receipts (why each decision happened). F4
// exports the Markdown postmortem; F3 retries, F5 goes to the next incident, F10 to the campaign.
using MemQuest.App.Presentation;
using MemQuest.App.Views;
using MemQuest.Scenarios.Debrief;
using MemQuest.Scenarios.Play;
using MemQuest.Scenarios.Scoring;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class DebriefScreen : Window
{
    private readonly Session _session;
    private readonly ScoreCard _card;
    private readonly string _exportDirectory;
    private readonly TextPane _report;
    private readonly Label _note = new() { Text = "", X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill() };

    private readonly string? _parLocked;

    /// <param name="parLocked">During a team event: why par, the root cause and the postmortem are held back; null shows them.</param>
    public DebriefScreen(Session session, ScoreCard card, string exportDirectory, bool hasNext, string? parLocked = null)
    {
        _parLocked = parLocked;
        _session = session;
        _card = card;
        _exportDirectory = exportDirectory;
        Title = $"Debrief · {session.Scenario.Number:000} {session.Scenario.Title}";
        _report = new TextPane("Score card, your actions beside par, kernel receipts (Up/Down, PgUp/PgDn)", scrollable: true)
        {
            X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(2), Wrap = true,
        };
        Add(_report, _note);
        ViewportChanged += (_, _) => _report.SetLines(DebriefLines.For(_session, _card, Math.Max(40, Viewport.Width - 2), _parLocked));
        _report.SetLines(DebriefLines.For(session, card, 76, parLocked));
        _report.SetFocus();
        Add(new StatusBar(
        [
            new Shortcut(Key.F3, "Retry", () => Leave(DebriefChoice.Retry), ""),
            new Shortcut(Key.F4, "Export", () => Export(), ""),
            new Shortcut(Key.F5, hasNext ? "Next" : "(last)", () => { if (hasNext) Leave(DebriefChoice.Next); }, ""),
            new Shortcut(Key.F10, "Campaign", () => Leave(DebriefChoice.Campaign), ""),
        ]));
    }

    public DebriefChoice Choice { get; private set; } = DebriefChoice.Campaign;

    public TextPane Report => _report;

    /// <summary>Write the Markdown postmortem; returns its path (or null after showing why it failed).</summary>
    public string? Export()
    {
        if (_parLocked is not null) { _note.Text = _parLocked; return null; }
        string path = Path.Combine(_exportDirectory, $"postmortem-{_session.Scenario.Id}-seed{_session.Seed}.md");
        try
        {
            Directory.CreateDirectory(_exportDirectory);
            File.WriteAllText(path, Postmortem.Write(_session, _card));
            _note.Text = $"Postmortem written to {path}";
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _note.Text = $"Cannot write {path}: {e.Message}";
            return null;
        }
    }

    private void Leave(DebriefChoice choice)
    {
        Choice = choice;
        App?.RequestStop(this);
    }
}
