using System.Diagnostics;

namespace MemQuest.Persistence.Tests;

/// <summary>
/// Runs MemQuest.Persistence.CrashWriter as a real child process and tracks the last write it
/// reported as committed ("C n"). <see cref="KillHard"/> sends SIGKILL (Process.Kill on Unix).
/// </summary>
internal sealed class ChildWriter : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly object _gate = new();

    public ChildWriter(string savesDirectory, long maxWrites = long.MaxValue)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MemQuest.Persistence.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(savesDirectory);
        start.ArgumentList.Add(maxWrites.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_gate)
                _lines.Add(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
                return [.. _lines];
        }
    }

    /// <summary>The highest seed the child reported committed, or -1.</summary>
    public long LastCommitted =>
        Lines.Where(l => l.StartsWith("C ", StringComparison.Ordinal)).Select(l => long.Parse(l[2..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max();

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public bool WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Lines.Any(match))
                return true;
            if (_process.HasExited)
            {
                _process.WaitForExit();
                return Lines.Any(match);
            }
            Thread.Sleep(2);
        }
        return false;
    }

    /// <summary>SIGKILL, then wait until the process is gone and its output fully read.</summary>
    public void KillHard()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        _process.WaitForExit();
    }

    /// <summary>Closes stdin so a child that finished its writes exits normally.</summary>
    public void Finish()
    {
        _process.StandardInput.Close();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            KillHard();
        _process.Dispose();
    }
}
