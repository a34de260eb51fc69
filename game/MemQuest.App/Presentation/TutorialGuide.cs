// The first-run tutorial's guide as data: the steps that walk a new player through the incident
// screen (memory bar, processes, console, actions menu, hints, objectives) and what makes each one
// advance. Reading steps advance on Enter with an empty console line; doing steps advance when the
// player does the thing (runs `free`, opens the actions menu, runs the fix, asks for a hint). Esc
// ends the guide. Pure: the incident screen feeds it events and draws its current step.
namespace MemQuest.App.Presentation;

public sealed class TutorialGuide
{
    /// <summary>What makes a step advance.</summary>
    public enum Trigger
    {
        /// <summary>Enter on an empty console line (a step that only asks to look).</summary>
        Enter,
        /// <summary>A console line that is the step's command (a single word: any line starting with it),
        /// typed, from the actions menu or from a key.</summary>
        Command,
        /// <summary>The actions menu opened (F2).</summary>
        ActionsOpened,
    }

    /// <param name="MenuCue">Shown as the actions menu's title while the menu is open during this step.</param>
    public sealed record Step(Pane Target, string Title, string Text, Trigger AdvancesOn, string Command = "", string? MenuCue = null);

    private int _index;

    public TutorialGuide(IReadOnlyList<Step> steps)
    {
        if (steps.Count == 0) throw new ArgumentException("a tutorial needs at least one step", nameof(steps));
        Steps = steps;
    }

    public IReadOnlyList<Step> Steps { get; }

    /// <summary>The step shown now; null once the guide finished or was skipped.</summary>
    public Step? Current => Active ? Steps[_index] : null;

    public int Number => _index + 1;
    public bool Active => !Finished && !Skipped;
    public bool Finished { get; private set; }
    public bool Skipped { get; private set; }

    /// <summary>"Step 3/7 · Esc ends the guide" (or how to go on, for a reading step).</summary>
    public string Footer => Current is { } s
        ? $"Step {Number}/{Steps.Count} · {(s.AdvancesOn != Trigger.Enter ? "" : Number == Steps.Count ? "Enter: done · " : "Enter: next · ")}Esc ends the guide"
        : "";

    /// <summary>Raised when the step changes, the guide finishes or is skipped.</summary>
    public event Action? Changed;

    /// <summary>Enter on an empty console line.</summary>
    public void OnEnter()
    {
        if (Current?.AdvancesOn == Trigger.Enter) Advance();
    }

    /// <summary>A console line ran (typed, from the actions menu, or F7's `hint`).</summary>
    public void OnCommand(string line)
    {
        if (Current is not { AdvancesOn: Trigger.Command } s) return;
        string trimmed = string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        string said = s.Command.Contains(' ') ? trimmed : trimmed.Split(' ', 2)[0];
        if (string.Equals(said, s.Command, StringComparison.Ordinal)) Advance();
    }

    public void OnActionsOpened()
    {
        if (Current?.AdvancesOn == Trigger.ActionsOpened) Advance();
    }

    /// <summary>Esc: end the guide now (the incident goes on).</summary>
    public void Skip()
    {
        if (!Active) return;
        Skipped = true;
        Changed?.Invoke();
    }

    private void Advance()
    {
        if (++_index >= Steps.Count) Finished = true;
        Changed?.Invoke();
    }

    /// <summary>The tutorial incident's steps. <paramref name="fix"/> is the actions-menu entry that
    /// solves it ("Load pktlog with vmalloc"), <paramref name="fixCommand"/> the console line it runs.</summary>
    public static IReadOnlyList<Step> ForIncident(string fix, string fixCommand) =>
    [
        new(Pane.MemoryBar, "The memory bar",
            "Memory as `free` counts it: █ used, ▒ buff/cache, ░ free. The bracket under it spans MemAvailable: what programs can still get without swapping. The clock is paused while the guide talks.",
            Trigger.Enter),
        new(Pane.Processes, "Processes",
            "Every process with its pid, RSS (resident memory), oom_score_adj and oom_score: the OOM killer's aim. Click a row (or Enter on it) to put its pid on the console line.",
            Trigger.Enter),
        new(Pane.Console, "The console",
            "Real commands, answered in the kernel's formats. Type 'free\u00a0-m' and press Enter: the same numbers as the bar, in MiB. Up/Down walk the history, Tab completes.",
            Trigger.Command, "free"),
        new(Pane.Console, "The actions menu",
            "Press F2: the actions menu lists the usual investigations and fixes, and shows the command each one runs.",
            Trigger.ActionsOpened),
        new(Pane.Console, "Run the fix",
            $"In the menu (F2), pick '{fix}' with Up/Down and press Enter: it runs on the console as if you typed it.",
            Trigger.Command, fixCommand, $"Guide: pick '{fix}', then Enter"),
        new(Pane.Console, "Hints",
            "Stuck? F7 says what the next hint costs; `hint buy` buys it (points of this incident only; reading a bought hint again is free). Press F7.",
            Trigger.Command, "hint"),
        new(Pane.Objectives, "Objectives",
            "What must hold when time runs out, each [x] met or [ ] with the reason. Enter starts the clock; F6 runs it faster (x4, x16). The debrief scores how you did.",
            Trigger.Enter),
    ];
}
