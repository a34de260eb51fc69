// The game's Terminal.Gui application: the ANSI driver with QuietAnsiInput, so an idle screen costs
// (almost) no wake-ups. Terminal.Gui 2.5 takes a component factory only through ApplicationImpl's
// internal constructor, so it is found by reflection; if that ever fails (another Terminal.Gui
// version), the stock Application.Create() is used and only idle CPU is worse.
using System.Reflection;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace MemQuest.App.Drivers;

internal static class QuietAnsiDriver
{
    private sealed class Factory : AnsiComponentFactory
    {
        public override IInput<char> CreateInput() => new QuietAnsiInput();
    }

    private static ConstructorInfo? Constructor => typeof(Application).Assembly.GetType("Terminal.Gui.App.ApplicationImpl")
        ?.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, [typeof(IComponentFactory)]);

    /// <summary>This Terminal.Gui still has the constructor that takes a component factory.</summary>
    public static bool Available => Constructor is not null;

    /// <summary>A new application on the quiet ANSI driver (call Init() on it as usual), or the stock one.</summary>
    public static IApplication Create()
    {
        try
        {
            if (Constructor?.Invoke([new Factory()]) is IApplication app) return app;
        }
        catch (TargetInvocationException) { }
        return Application.Create();
    }
}
