namespace MemQuest.Persistence;

/// <summary>Bounds on what a save (and an imported profile) may hold, so hostile input stays small.</summary>
public static class SaveLimits
{
    public const int ProfileNameMaxChars = 32;
    public const int IdMaxChars = 64;
    public const int SettingsMaxCount = 100;
    public const int SettingValueMaxChars = 256;
    public const int DigestMaxChars = 128;
    public const int CommandLineMaxChars = 1024;
    public const int CommandsPerRunMax = 100_000;
    public const int MetricsPerCardMax = 64;
    public const int HintsPerIncidentMax = 64;
    public const int ProgressPerProfileMax = 10_000;
    public const int RunsPerProfileMax = 10_000;
    public const int StarsMax = 3;
    public const long ExportFileMaxBytes = 8L * 1024 * 1024;
}
