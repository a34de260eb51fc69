// ps aux: procps-ng's BSD listing of every process (kernel-spec §8.4 for VSZ/RSS).
using MemQuest.Engine.Procfs.Pid;

namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public sealed class PsCommand : IShellCommand
{
    public string Name => "ps";
    public string Synopsis => "ps aux                      every process with VSZ and RSS";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count != 2 || argv[1] is not ("aux" or "-aux" or "axu"))
            return ShellResult.Usage("ps: this console knows 'ps aux' (other ps formats are not simulated)");
        return ShellResult.Ok(PsAux.Render(context.Machine));
    }
}
