// What stopped a lab process (kernel-spec §8.2, §9.2): nothing, a refused mmap (ENOMEM), a fork
// or exec refused by overcommit, or a page fault whose allocation failed.
namespace MemQuest.Engine.Mm.Exec;

public enum LabFailure
{
    None,
    MmapRefused,
    ForkRefused,
    PageAllocationFailed,
}
