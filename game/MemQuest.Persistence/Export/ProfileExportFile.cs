namespace MemQuest.Persistence.Export;

/// <summary>
/// The portable JSON form of one profile (<c>memquest profile export</c>). Positional records:
/// with <c>RespectRequiredConstructorParameters</c> every field is required, and unknown fields
/// are rejected, so a file either matches this shape exactly or is refused.
/// </summary>
public sealed record ProfileExportFile(
    string Format,
    int FormatVersion,
    DateTime ExportedUtc,
    ExportedProfile Profile,
    IReadOnlyList<ExportedProgress> Progress,
    IReadOnlyList<ExportedRun> Runs)
{
    public const string FormatName = "memquest-profile";
    public const int CurrentFormatVersion = 1;
}
