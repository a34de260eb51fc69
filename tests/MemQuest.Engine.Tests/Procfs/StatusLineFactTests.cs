// kernel-spec §19 fact 67 (§8.4 task_mem): a /proc/PID/status memory line is label, TAB, the value in
// kB right-aligned to width 8, " kB": 16786 resident pages print as `VmRSS:\t   67144 kB`.
using MemQuest.Engine.Mm;
using MemQuest.Engine.Procfs.Pid;

namespace MemQuest.Engine.Tests.Procfs;

public sealed class StatusLineFactTests
{
    [Fact]   // kernel-spec §19 fact 67
    public void Render_16786ResidentPages_PrintsVmRssLikeTaskMem()
    {
        Machine m = Machine.Boot(new MachineSpec(1L << 20), 1);
        var p = new Process(4242, "fact67", 1, new MmStruct { RssAnonPages = 16000, RssFilePages = 786 });
        Assert.Contains("\nVmRSS:\t   67144 kB\n", ProcPidStatus.Render(m, p));
    }
}
