// What a condition may read: the box, the incident's processes and modules, the kernel seam, the tick.
using MemQuest.Engine;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;

namespace MemQuest.Scenarios.Judging;

public sealed record JudgeContext(Machine Machine, ServiceTable Services, ModuleTable Modules, IKernelMechanisms Kernel)
{
    public long Tick => Machine.Tick;
}
