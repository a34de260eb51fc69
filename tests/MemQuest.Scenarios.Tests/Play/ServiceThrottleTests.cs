// memory.high throttling seen from systemd's side: a task asleep in mem_cgroup_handle_over_high
// does no work that tick, and the tick counts as a stall in its health (kernel-spec §14.1).
using MemQuest.Engine;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Tests.Workloads;

namespace MemQuest.Scenarios.Tests.Play;

public sealed class ServiceThrottleTests
{
    [Fact]
    public void ThrottledTask_SkipsItsTick_AndCountsIt()
    {
        var kernel = new RecordingKernel();
        var table = new ServiceTable(TestContentRoot.TestCatalog["netcap-buffer"], kernel, new SimRandom(1));
        table.StartAll(0);
        table.Step(1);
        var running = table.Processes.Where(p => p.Running).ToList();
        Assert.NotEmpty(running);
        Assert.All(running, p => Assert.Equal(1, p.Context.Tick));
        int calls = kernel.Calls.Count;
        kernel.ThrottleAll = true;
        table.Step(2);
        Assert.Equal(calls, kernel.Calls.Count);                       // nobody ran
        Assert.All(running, p => Assert.Equal((1L, 1L), (p.Context.Tick, p.ThrottledTicks)));
        kernel.ThrottleAll = false;
        table.Step(3);
        Assert.All(running, p => Assert.Equal((3L, 1L), (p.Context.Tick, p.ThrottledTicks)));
    }
}
