// The game's colours. Every colour is one of the 16 ANSI colours, and every meaning is also carried
// by a character (█ used, ▒ cache, ░ free), so the screen reads on 16-colour and monochrome terminals.
// `--16-colors` (or Settings) makes the driver emit 16-colour SGR instead of 24-bit colour.
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace MemQuest.App;

public static class Theme
{
    public static Attribute Used => new(Color.BrightRed, Color.Black);
    public static Attribute Cache => new(Color.Yellow, Color.Black);
    public static Attribute Free => new(Color.Green, Color.Black);
    public static Attribute Available => new(Color.BrightCyan, Color.Black);
    public static Attribute Text => new(Color.Gray, Color.Black);
    public static Attribute Heading => new(Color.White, Color.Black);
    public static Attribute Warning => new(Color.BrightYellow, Color.Black);

    /// <summary>Switch the driver between 24-bit and 16-colour output.</summary>
    public static void UseSixteenColors(IApplication app, bool on)
    {
        if (app.Driver is not null) app.Driver.Force16Colors = on;
    }
}
