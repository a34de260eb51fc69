namespace MemQuest.Persistence;

/// <summary>
/// Finds the saves folder: <c>--saves DIR</c>, else <c>$MEMQUEST_SAVES</c>, else a <c>saves/</c>
/// folder in the current directory or one of its parents, else <c>saves/</c> next to the executable.
/// Pure: every input is passed in, so tests need no environment.
/// </summary>
public static class SavesLocator
{
    public const string EnvironmentVariable = "MEMQUEST_SAVES";
    public const string FolderName = "saves";

    public static string Resolve(string? savesOption, string? environmentValue, string currentDirectory, string executableDirectory)
    {
        if (!string.IsNullOrWhiteSpace(savesOption))
            return Path.GetFullPath(savesOption, currentDirectory);
        if (!string.IsNullOrWhiteSpace(environmentValue))
            return Path.GetFullPath(environmentValue, currentDirectory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(currentDirectory)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate))
                return candidate;
        }
        return Path.Combine(Path.GetFullPath(executableDirectory), FolderName);
    }

    /// <summary>Resolve with the real process environment, current directory and executable folder.</summary>
    public static string ResolveFromProcess(string? savesOption) =>
        Resolve(savesOption, Environment.GetEnvironmentVariable(EnvironmentVariable),
            Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}
