// Finds the content root: --content DIR, else $MEMQUEST_CONTENT, else a content/ folder in the
// current directory or one of its parents, else content/ next to the executable. Pure: every input
// is passed in, so tests need no environment.

namespace MemQuest.App.Cli;

public static class ContentLocator
{
    public const string EnvironmentVariable = "MEMQUEST_CONTENT";
    public const string FolderName = "content";

    public static string Resolve(string? option, string? environmentValue, string currentDirectory, string executableDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option, currentDirectory);
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Path.GetFullPath(environmentValue, currentDirectory);
        for (var dir = new DirectoryInfo(Path.GetFullPath(currentDirectory)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.Combine(Path.GetFullPath(executableDirectory), FolderName);
    }

    public static string ResolveFromProcess(string? option) =>
        Resolve(option, Environment.GetEnvironmentVariable(EnvironmentVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}
