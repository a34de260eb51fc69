namespace MemQuest.App.Cli;

/// <summary>What the profile commands take from the outside world, so tests can supply their own.</summary>
internal sealed record ProfileCommandContext(
    TimeProvider Clock,
    string? SavesEnvironmentValue,
    string CurrentDirectory,
    string ExecutableDirectory,
    TextReader Input,
    bool InputIsInteractive)
{
    public static ProfileCommandContext FromProcess() => new(
        TimeProvider.System,
        Environment.GetEnvironmentVariable(Persistence.SavesLocator.EnvironmentVariable),
        Directory.GetCurrentDirectory(),
        AppContext.BaseDirectory,
        Console.In,
        !Console.IsInputRedirected);
}
