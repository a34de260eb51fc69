// Which keys each screen shows in its status bar (the same list feeds the help overlay).
namespace MemQuest.App.Presentation;

public static class StatusKeys
{
    public static IReadOnlyList<StatusKey> Title { get; } =
    [
        new("Enter", "Choose"), new("F1", "Help"), new("Ctrl+Q", "Quit"),
    ];

    public static IReadOnlyList<StatusKey> Lab { get; } =
    [
        new("F1", "Help"), new("F5", "Pause"), new("F6", "Speed"), new("F8", "Pane"),
        new("F10", "Title"), new("Ctrl+Q", "Quit"),
    ];

    public static IReadOnlyList<StatusKey> Incident { get; } =
    [
        new("F1", "Help"), new("F2", "Actions"), new("F7", "Hint"), new("F5", "Pause"), new("F6", "Speed"),
        new("F10", "Leave"), new("Ctrl+Q", "Quit"), new("F8", "Pane"),
    ];

    public static IReadOnlyList<StatusKey> Campaign { get; } =
    [
        new("Enter", "Play"), new("F3", "Reset one"), new("F4", "Reset all"), new("F7", "Skip"), new("F10", "Title"), new("Ctrl+Q", "Quit"),
    ];

    public static IReadOnlyList<StatusKey> Debrief { get; } =
    [
        new("F3", "Retry"), new("F4", "Export"), new("F5", "Next"), new("F10", "Campaign"), new("Ctrl+Q", "Quit"),
    ];

    /// <summary>The help overlay's text for a screen: every key with its meaning, plus the console's keys.</summary>
    public static IReadOnlyList<string> HelpLines(IReadOnlyList<StatusKey> keys) =>
    [
        .. keys.Select(k => $"{k.Key,-8} {k.Label}"),
        "",
        "Console:",
        "Enter    run the line        Up/Down  history",
        "Tab      complete a command, a /proc or /sys path, or a pid",
        "PgUp/Dn  scroll the output   Esc      close a dialog (never quits)",
    ];
}
