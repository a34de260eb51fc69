// The box screens' side borders at the classic 80 columns. The real tools print for an 80-column
// terminal (free's lines are 79 characters), so below 82 columns the screen's window and the console
// give up their left and right border lines: the console is then the terminal's full width and
// nothing the kernel's tools print wraps. Wider, every frame keeps all four sides.
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace MemQuest.App.Views;

public static class ScreenEdges
{
    /// <summary>The narrowest screen that keeps the side borders: below it, the window's and the console's
    /// four side lines would leave the console fewer columns than the tools' 79-column lines need.</summary>
    public const int SideBordersFromColumns = 82;

    public static bool Narrow(int screenColumns) => screenColumns < SideBordersFromColumns;

    /// <summary>Top and bottom lines only when narrow, all four sides otherwise.</summary>
    public static Thickness For(int screenColumns) => Narrow(screenColumns) ? new Thickness(0, 1, 0, 1) : new Thickness(1);

    /// <summary>Set <paramref name="view"/>'s border for a screen <paramref name="screenColumns"/> wide (no change, no relayout).</summary>
    public static void Apply(View view, int screenColumns)
    {
        if (view.Border is { } border && border.Thickness != For(screenColumns)) border.Thickness = For(screenColumns);
    }
}
