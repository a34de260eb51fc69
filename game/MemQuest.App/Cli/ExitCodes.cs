// The program's exit codes (documented in README.md).

namespace MemQuest.App.Cli;

public static class ExitCodes
{
    /// <summary>Success; for play, solve and replay: the incident was won.</summary>
    public const int Ok = 0;
    /// <summary>The incident was lost, or an operation failed (a file could not be written).</summary>
    public const int LostOrFailed = 1;
    /// <summary>Bad usage, or content / run-file errors.</summary>
    public const int Usage = 2;
}
