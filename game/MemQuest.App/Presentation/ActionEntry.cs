// One entry of the actions menu: what it does in words and the console line it runs (always shown,
// so the menu teaches the command line).
namespace MemQuest.App.Presentation;

public sealed record ActionEntry(string Label, string Command)
{
    public string Line(int labelWidth) => $"{Label.PadRight(labelWidth)}  $ {Command}";
}
