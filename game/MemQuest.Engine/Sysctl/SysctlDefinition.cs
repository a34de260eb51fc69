// Models one struct ctl_table entry of kernel/sysctl.c and mm/*.c for vm.*: name, default,
// accepted range (proc_dointvec_minmax's extra1/extra2), mode and how many values it holds.
namespace MemQuest.Engine.Sysctl;

public sealed record SysctlDefinition(
    string Name,
    long Default,
    long Min = long.MinValue,
    long Max = long.MaxValue,
    bool WriteOnly = false,
    int Length = 1)
{
    public string Key => "vm." + Name;
    public string ProcPath => "/proc/sys/vm/" + Name;
}
