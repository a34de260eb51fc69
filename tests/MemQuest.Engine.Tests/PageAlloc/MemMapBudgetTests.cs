// Issue 3: per-page state in compact arrays, at most 16 bytes a page for the whole engine:
// a 64 GiB box (16.7 M pages) boots in well under 300 MB.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests.PageAlloc;

public sealed class MemMapBudgetTests
{
    [Fact]
    public void Boot_64GiB_AllocatesUnder300MB()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Machine m = Machine.Boot(new MachineSpec(64L * 1024 * 1024), 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(64L * 1024 * 1024, Units.K(m.Node.TotalramPages));
        Assert.True(allocated < 300L * 1024 * 1024, $"booting 64 GiB allocated {allocated / (1024 * 1024)} MB");
        Assert.True(allocated / m.Node.Map.EndPfn <= 16, $"{allocated / m.Node.Map.EndPfn} bytes per page");
    }
}
