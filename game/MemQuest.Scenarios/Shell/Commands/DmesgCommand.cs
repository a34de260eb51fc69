// dmesg: util-linux's dmesg without -T: the kernel log with "[%5lu.%06lu] " stamps from the box's
// simulated uptime (kernel-spec §14.5 lines come from the OOM killer; other subsystems log too).
namespace MemQuest.Scenarios.Shell.Commands;

public sealed class DmesgCommand : IShellCommand
{
    public string Name => "dmesg";
    public string Synopsis => "dmesg                       print the kernel log (OOM reports, panics, warnings)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        if (argv.Count > 1)
            return ShellResult.Usage(argv[1] is "-T" or "--ctime"
                ? "dmesg -T needs the wall-clock boot time, which this simulated box does not have; plain 'dmesg' shows seconds since boot"
                : $"dmesg {argv[1]}: only plain 'dmesg' is supported here; filter it with a pipe, e.g. 'dmesg | grep -i oom' or 'dmesg | tail -20'");
        var text = new System.Text.StringBuilder();
        foreach (string line in context.Machine.Kmsg.Lines) text.Append(line).Append('\n');
        return ShellResult.Ok(text.ToString());
    }
}
