// How a console line ended: like a shell exit status, plus the two cases that are the console's
// own errors rather than a tool's (an unknown command, a malformed helper invocation).
namespace MemQuest.Scenarios.Shell;

public enum ShellStatus
{
    /// <summary>Exit status 0.</summary>
    Ok,
    /// <summary>The tool ran and failed (non-zero exit status), printing what the real tool prints.</summary>
    Failed,
    /// <summary>No such command (in this console).</summary>
    UnknownCommand,
    /// <summary>A console helper was called with bad flags or arguments.</summary>
    Usage,
}
