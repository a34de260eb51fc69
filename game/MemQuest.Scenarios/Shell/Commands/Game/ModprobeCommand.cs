// modprobe [-r] MODULE [param=value...]: load or unload one of the incident's kernel modules, with
// kmod's messages (FATAL: not found, ERROR: could not insert ... Cannot allocate memory).
using MemQuest.Engine;
using MemQuest.Engine.Sysctl;
using MemQuest.Scenarios.Play.Incident;

namespace MemQuest.Scenarios.Shell.Commands.Game;

public sealed class ModprobeCommand : IShellCommand
{
    public string Name => "modprobe";
    public string Synopsis => "modprobe [-r] MODULE [buf_alloc=kmalloc|vmalloc]   load or unload a kernel module";
    public bool LabOnly => false;
    public bool GameOnly => true;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        IncidentState? incident = IncidentConsole.Get(context, Name, out ShellResult? error);
        if (incident is null) return error!;
        bool remove = false;
        var words = new List<string>();
        foreach (string a in argv.Skip(1))
        {
            if (a is "-r" or "--remove") remove = true;
            else if (a is "-v" or "--verbose" or "-q" or "--quiet") continue;
            else if (a.StartsWith('-')) return ShellResult.Fail($"modprobe: unrecognized option '{a}'\nmodprobe: ERROR: Unknown option '{a}'. See -h.\n");
            else words.Add(a);
        }
        if (words.Count == 0) return ShellResult.Fail("modprobe: ERROR: missing parameters. See -h.\n");
        string module = words[0];
        string dir = $"/lib/modules/{EngineInfo.KernelRelease}";
        if (incident.Modules.Find(module) is null) return ShellResult.Fail($"modprobe: FATAL: Module {module} not found in directory {dir}\n");
        long tick = context.Machine.Tick;
        if (remove)
            return incident.Modules.Unload(module, tick) == Errno.Ok ? ShellResult.Ok("") : ShellResult.Fail($"modprobe: FATAL: Module {module} is not in kernel.\n");
        Errno e = incident.Modules.Load(module, ModprobeArgs.Parse(words.Skip(1)), tick);
        return e == Errno.Ok ? ShellResult.Ok("") : ShellResult.Fail($"modprobe: ERROR: could not insert '{module}': {ErrnoText.Of(e)}\n");
    }
}
