// tick [N]: let the box run N ticks of 100 ms (default 1). Silent, like sleep.
namespace MemQuest.Scenarios.Shell.Commands;

public sealed class TickCommand : IShellCommand
{
    public const long MaxTicks = 10_000_000;

    public string Name => "tick";
    public string Synopsis => "tick [N]                    let the box run N ticks of 100 ms (default 1)";
    public bool LabOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        long n = 1;
        if (argv.Count > 2 || (argv.Count == 2 && (!long.TryParse(argv[1], out n) || n < 1 || n > MaxTicks)))
            return ShellResult.Usage($"tick takes one whole number of ticks from 1 to {MaxTicks} (usage: tick [N])");
        for (long i = 0; i < n; i++) context.Machine.Step();
        return ShellResult.Ok("");
    }
}
