// Drives the built game in a detached tmux session on a private socket (stack.md §6): send keys,
// read the screen with capture-pane, wait for text. The game runs without the test's
// DisableRealDriverIO so it sees tmux's terminal.
using System.Diagnostics;

namespace MemQuest.App.Tests.Smoke;

internal sealed class TmuxSession : IDisposable
{
    private readonly List<string> _errors = [];
    private readonly string _socket = "memquest-test-" + Guid.NewGuid().ToString("N")[..12];

    public TmuxSession(string command, int width, int height)
    {
        if (!Exists()) Assert.Fail("tmux is not installed: the TUI smoke test needs it (apt-get install tmux; CI installs it).");
        Tmux("new-session", "-d", "-s", "game", "-x", width.ToString(), "-y", height.ToString(),
            $"unset DisableRealDriverIO; {command}; echo EXITED rc=$?; sleep 30");
    }

    public static bool Exists()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            p.WaitForExit(5000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", "game", .. keys]);

    public void Type(string text) => Tmux("send-keys", "-t", "game", "-l", text);

    public string Capture() => Tmux("capture-pane", "-t", "game", "-p");

    public string Display(string format) => Tmux("display", "-p", "-t", "game", format).Trim();

    /// <summary>Wait until the screen shows <paramref name="text"/>; fails with the screen if it never does.</summary>
    public string WaitFor(string text, int timeoutMs = 8000)
    {
        var sw = Stopwatch.StartNew();
        string screen = "";
        while (sw.ElapsedMilliseconds < timeoutMs)
        {
            screen = Capture();
            if (screen.Contains(text, StringComparison.Ordinal)) return screen;
            Thread.Sleep(50);
        }
        string pane = Display("#{pane_current_command} dead=#{pane_dead} #{window_width}x#{window_height}");
        Assert.Fail($"'{text}' did not appear within {timeoutMs} ms (pane: {pane}). Screen:\n{screen}\n{string.Join('\n', _errors.Distinct())}");
        return screen;
    }

    private string Tmux(params string[] args)
    {
        var psi = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_socket);
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit(5000);
        if (p.ExitCode != 0 && args[0] != "kill-server") _errors.Add($"tmux {string.Join(' ', args)}: {error.Trim()}");
        return output;
    }

    public void Dispose() => Tmux("kill-server");
}
