// Models pte_alloc_one / pmd_alloc_one / pud_alloc_one and their frees (arch/x86/mm/pgtable.c,
// include/asm-generic/pgalloc.h), kernel-spec §8.3: each page-table page is a real order-0 page
// from the buddy allocator (GFP_PGTABLE_USER = GFP_KERNEL | __GFP_ACCOUNT | __GFP_ZERO,
// Unmovable), counted in the owner's pgtables_bytes (VmPTE) and in node NR_PAGETABLE (PageTables).
// Invariants: every page handed out is freed exactly once through Free.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Mm.PageTables;

public sealed class PageTablePages(PageAllocator pageAlloc)
{
    private const GfpFlags GfpPgtableUser = GfpFlags.GfpKernelAccount | GfpFlags.Zero;

    /// <summary>A zeroed page-table page charged to <paramref name="mm"/>, or -1 when the allocator failed.</summary>
    public int Alloc(MmStruct mm)
    {
        long pfn = pageAlloc.AllocPages(0, GfpPgtableUser);
        if (pfn < 0) return -1;
        mm.PgtablesBytes += Units.PageSize;
        pageAlloc.Node.AddStat(NodeStatItem.NrPageTablePages, 1);
        return (int)pfn;
    }

    public void Free(MmStruct mm, int pfn)
    {
        mm.PgtablesBytes -= Units.PageSize;
        pageAlloc.Node.AddStat(NodeStatItem.NrPageTablePages, -1);
        pageAlloc.FreePages(pfn, 0);
    }
}
