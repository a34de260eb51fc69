// Models one PTE page (a page of 512 pte_t covering 2 MiB) of the x86-64 4-level page table,
// kernel-spec §8.3, plus the PMD entry above it when it maps a huge page (§16).
// Encoding of an entry (int): 0 = pte_none; PresentBase..: pfn + 1, with WriteProtect set when
// the page is shared copy-on-write after fork; ZeroPage = the shared zero page (read-only);
// SpecialPage = a kernel page such as the vDSO; below that, a swap entry (-(slot + 3)).
// Invariants: Pfn is the real page from the buddy allocator holding this table; when HugeEntry
//   is non-zero the table is the one deposited under a huge PMD and Entries are unused.
namespace MemQuest.Engine.Mm.PageTables;

public sealed class PteTable(int pfn)
{
    public const int EntriesPerTable = 512;
    public const int WriteProtect = 1 << 30;
    public const int ZeroPage = -1;
    public const int SpecialPage = -2;
    private const int PfnMask = WriteProtect - 1;

    public int Pfn { get; } = pfn;
    public int[] Entries { get; } = new int[EntriesPerTable];
    /// <summary>The PMD entry when it maps a 2 MiB page: head pfn + 1, or ZeroPage for the huge zero page; 0 otherwise.</summary>
    public int HugeEntry { get; set; }

    public static int Present(int pfn, bool writeProtect) => (pfn + 1) | (writeProtect ? WriteProtect : 0);
    public static bool IsPresentPage(int entry) => entry > 0;
    public static int PfnOf(int entry) => (entry & PfnMask) - 1;
    public static bool IsWriteProtected(int entry) => (entry & WriteProtect) != 0;
    public static bool IsSwap(int entry) => entry < SpecialPage;
    public static int SwapEntry(int slot) => -(slot + 3);
    public static int SwapSlotOf(int entry) => -entry - 3;
}
