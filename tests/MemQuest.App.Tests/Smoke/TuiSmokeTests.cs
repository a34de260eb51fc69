// The real game in a real terminal (tmux, 80x24): create the profile on the first run, play the
// first incident to a win through the console, open the lab and run a command, quit with Ctrl+Q,
// and check the terminal is restored and the win is in the save.
namespace MemQuest.App.Tests.Smoke;

public sealed class TuiSmokeTests
{
    [Fact]
    public void Game_PlayIncidentToWinThenLabThenCtrlQ_RestoresTheTerminal()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "memquest.dll");
        string content = Path.Combine(AppContext.BaseDirectory, "TestContent");
        string cwd = Directory.CreateTempSubdirectory("memquest-smoke-").FullName;
        using var tmux = new TmuxSession($"cd '{cwd}' && dotnet '{dll}' --content '{content}' --saves '{cwd}/saves'", 80, 24);

        tmux.WaitFor("What is your name?", 15000);            // first run: the profile
        tmux.Type("Smoke");
        tmux.Keys("Enter");
        tmux.WaitFor("Hello, Smoke");
        tmux.Keys("Enter");                                   // Campaign (the first available entry)
        tmux.WaitFor("010 09:40 page: netcap");
        tmux.Keys("Enter");                                   // its briefing
        tmux.WaitFor("Objectives:");
        tmux.Keys("Enter");                                   // start
        tmux.WaitFor("[ ] netcap is not loaded");
        tmux.Type("modprobe netcap buf_alloc=vmalloc");
        tmux.Keys("Enter");
        tmux.WaitFor("[x] netcap is loaded");
        tmux.Keys("F6", "F6");                                // x16: 60 s of incident in about 4 s
        string debrief = tmux.WaitFor("Debrief", 15000);
        Assert.Contains("SOLVED", debrief);

        tmux.Keys("F10");                                     // back to the campaign, which now shows the stars
        Assert.Contains("★", tmux.WaitFor("F3  Reset one"));
        tmux.Keys("F10");                                     // title
        tmux.WaitFor("Lab: a box of your size");
        tmux.Keys("Down", "Enter");                           // Lab → size picker
        tmux.WaitFor("RAM (MemTotal)");
        tmux.Keys("Enter");
        tmux.WaitFor("lab#");
        tmux.Type("cat /proc/buddyinfo");
        tmux.Keys("Enter");
        tmux.WaitFor("Node 0, zone   Normal");

        tmux.Keys("C-q");
        tmux.WaitFor("EXITED rc=0");
        Assert.Equal("0 0", tmux.Display("#{alternate_on} #{mouse_any_flag}"));
        using (var saveLock = Persistence.SaveLock.TryAcquire(Path.Combine(cwd, "saves"))!)
        using (var store = Persistence.SaveStore.Open(saveLock, TimeProvider.System).Store!)
            Assert.True(store.FindProgress(store.ResolveProfile("Smoke").Id, "netcap-buffer")!.Solved);
        Directory.Delete(cwd, recursive: true);
    }
}
