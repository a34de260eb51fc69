// A Terminal.Gui application without a terminal (stack.md §2): ANSI driver, a virtual screen of the
// given size, the game's key rules installed, keys injected, and the screen read back as text.
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace MemQuest.App.Tests.Screens;

internal sealed class Headless : IDisposable
{
    private readonly List<SessionToken> _tokens = [];

    public Headless(int width = 80, int height = 24)
    {
        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        GameHost.InstallKeys(App, () => QuitRequests++);
    }

    public IApplication App { get; }
    public int QuitRequests { get; private set; }

    public void Begin(IRunnable screen)
    {
        _tokens.Add(App.Begin(screen)!);
        App.LayoutAndDraw();
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
    }

    public void Press(params Key[] keys)
    {
        foreach (Key k in keys) App.InjectKey(k);
        App.LayoutAndDraw();
    }

    public void Type(string text)
    {
        foreach (char c in text) App.InjectKey(KeyOf(c));
        App.LayoutAndDraw();
    }

    public string Screen()
    {
        App.LayoutAndDraw();
        return App.Driver!.ToString()!;
    }

    public string[] Rows() => Screen().Split('\n');

    private static Key KeyOf(char c) => c switch
    {
        ' ' => Key.Space,
        >= 'a' and <= 'z' => new Key((KeyCode)char.ToUpperInvariant(c)),
        >= 'A' and <= 'Z' => new Key((KeyCode)c).WithShift,
        _ => new Key(c),
    };

    public void Dispose()
    {
        for (int i = _tokens.Count - 1; i >= 0; i--) App.End(_tokens[i]);
        App.Dispose();
    }
}
