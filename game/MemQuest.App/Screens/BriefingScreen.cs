// The briefing: the pager alert in incident words, the box, and what must hold. Enter starts the
// incident; F10 (or Esc) goes back where the player came from (the campaign, the event, the title). The alert's prose is reflowed to the window's
// width (paragraphs and lists kept); Up/Down and PgUp/PgDn scroll when it is longer than the window.
using MemQuest.App.Presentation;
using MemQuest.App.Views;
using MemQuest.Scenarios.Model;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class BriefingScreen : Window
{
    /// <param name="backTo">Where F10 returns, as the hint line names it.</param>
    public BriefingScreen(ScenarioDefinition s, string backTo = "the campaign")
    {
        Title = $"Briefing · {s.Number:000}";
        var lines = new List<string> { s.Title, "" };
        lines.Add(s.Briefing.TrimEnd());
        lines.Add("");
        lines.Add($"Box: {s.Machine.Id}, {Sizes.FromKb(s.Machine.MemTotalKb)} RAM, {s.Machine.Cpus} CPU(s), swap {Sizes.FromKb(s.Machine.SwapKb)}");
        lines.Add($"Services: {string.Join(", ", s.AllProcesses.Select(p => p.UnitOrName))}");
        lines.Add($"Time limit: {s.EndTick / 10} s of simulated time (x1, x4, x16 with F6)");
        lines.Add("");
        lines.Add("Objectives:");
        lines.AddRange(s.Objectives.Select(o => "  - " + o.Text));
        lines.Add("");
        lines.Add($"Enter: start the incident    F10: back to {backTo}");
        Prose = new TextPane("", scrollable: true) { Reflow = true, X = 1, Y = 1, Width = Dim.Fill(1), Height = Dim.Fill(1) };
        Prose.BorderStyle = LineStyle.None;
        Prose.SetLines(lines);
        Add(Prose);
        Add(new StatusBar(
        [
            new Shortcut(Key.Enter, "Start", Start, ""),
            new Shortcut(Key.F10, "Back", Back, ""),
            new Shortcut(Key.Q.WithCtrl, "Quit", Back, ""),
        ]));
        KeyDown += (_, k) =>
        {
            if (k == Key.Esc) { Back(); k.Handled = true; }
        };
    }

    /// <summary>The briefing's text (reflowed to its width when drawn).</summary>
    public TextPane Prose { get; }

    /// <summary>True after Enter: the host starts the incident.</summary>
    public bool Started { get; private set; }

    private void Start()
    {
        Started = true;
        App?.RequestStop(this);
    }

    private void Back()
    {
        Started = false;
        App?.RequestStop(this);
    }
}
