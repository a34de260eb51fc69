namespace MemQuest.App.Cli;

/// <summary>Exit codes of the profile commands: 0 ok, 1 the operation failed, 2 usage error.</summary>
internal static class ProfileExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
