// Not a kernel structure: how many objects of a cache a freshly booted server holds, as a formula
// of its CPUs and RAM (per-CPU kthreads, workqueues and sysfs nodes grow with CPUs; page-cache
// and filesystem metadata with RAM). ChurnPercent more objects are allocated during boot and
// freed again in a seeded random order, which leaves partial slabs as a real boot does.
namespace MemQuest.Engine.Slab.Catalog;

public sealed record BootObjects(int Fixed, int PerCpu, int PerGib, int ChurnPercent)
{
    /// <summary>Live objects after boot on a box with <paramref name="cpus"/> CPUs and <paramref name="totalramPages"/> of RAM.</summary>
    public long Live(int cpus, long totalramPages) => Fixed + (long)PerCpu * cpus + PerGib * (totalramPages >> 18);
}
