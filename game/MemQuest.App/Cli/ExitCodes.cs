namespace MemQuest.App.Cli;

/// <summary>Process exit codes of the CLI.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
