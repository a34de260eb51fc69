// Test helper: a booted box and one-line process actions on it, with the status numbers in kB.
using MemQuest.Engine;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Mm;

internal sealed class MmTestBox
{
    /// <summary>MemTotal of the oracle's VM (6171021 pages).</summary>
    public const long OracleMemTotalKb = 24684084;

    public MmTestBox(long memTotalKb = 4L * 1024 * 1024, long swapKb = 0, params (string, string)[] sysctls)
    {
        var spec = new MachineSpec(memTotalKb, 2, swapKb) { Sysctls = sysctls.Select(s => new KeyValuePair<string, string>(s.Item1, s.Item2)).ToList() };
        Machine = Machine.Boot(spec, 1);
    }

    public Machine Machine { get; }
    public VirtualMemory Vm => Machine.Mm;

    public Process Spawn(string name = "oomchild", LabProgramSpec? spec = null)
    {
        LabOutcome o = LabProgram.Spawn(Vm, name, 1, Machine.Tick, spec ?? new LabProgramSpec());
        Assert.Equal(LabFailure.None, o.Failure);
        return o.Process!;
    }

    /// <summary>Spawn and return the first lab mapping's address too.</summary>
    public (Process P, long Addr) SpawnMapped(string name, LabProgramSpec spec)
    {
        LabOutcome o = LabProgram.Spawn(Vm, name, 1, Machine.Tick, spec);
        Assert.Equal(LabFailure.None, o.Failure);
        return (o.Process!, o.FirstMappingAddress);
    }

    public Process Bare(string name = "probe")
    {
        Process? p = MinimalProgram.Spawn(Vm, name, 1, 0, stdioHeap: false, out Errno e);
        Assert.Equal(Errno.Ok, e);
        return p!;
    }

    public static long RssKb(Process p) => Units.K(p.Mm!.RssPages);
    public static long AnonKb(Process p) => Units.K(p.Mm!.RssAnonPages);
    public static long FileKb(Process p) => Units.K(p.Mm!.RssFilePages);
    public static long PteKb(Process p) => p.Mm!.PgtablesBytes >> 10;
    public static long SizeKb(Process p) => Units.K(p.Mm!.TotalVmPages);
    public static long DataKb(Process p) => Units.K(p.Mm!.DataVmPages);
    public long CommittedKb => Units.K(Vm.Commit.CommittedPages);
}
