// What Tab can complete in the console: command names, the paths that exist now, and live pids.
namespace MemQuest.App.Presentation;

public sealed record CompletionSources(Func<IEnumerable<string>> Commands, Func<IEnumerable<string>> Paths, Func<IEnumerable<int>> Pids)
{
    public static CompletionSources None { get; } = new(() => [], () => [], () => []);
}
