// Models /proc/PID/smaps_rollup (fs/proc/task_mmu.c show_smaps_rollup, smaps_pte_entry,
// smaps_account), kernel-spec §8.4: the [rollup] header spanning the first to the last VMA, then
// the sums over every mapped page: Rss, Pss (size / mapcount in 12-bit fixed point), clean/dirty
// split (anon pages are dirty, file pages clean; shared when mapcount >= 2), Anonymous,
// AnonHugePages (THP-mapped), Swap. The zero page is not counted (vm_normal_page is NULL).
// The vDSO page counts as shared by every process on the box.
using System.Text;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Procfs.Pid;

public static class SmapsRollup
{
    private const int PssShift = 12;

    private sealed class Sums
    {
        public long Rss, Pss, PssDirty, PssAnon, PssFile, SharedClean, SharedDirty, PrivateClean, PrivateDirty, Anonymous, AnonHuge, Swap;
    }

    public static string Render(Machine m, MmStruct mm)
    {
        var s = new Sums();
        int processes = m.Processes.TaskList.Count(p => p.Mm is not null);
        foreach (var (slot, t) in mm.Space.Tables.PteTables)
        {
            if (t.HugeEntry > 0) { Account(s, m, PteTable.PfnOf(t.HugeEntry), true, Units.PageSize << 9, processes); s.AnonHuge += Units.PageSize << 9; continue; }
            foreach (int e in t.Entries)
            {
                if (e > 0) Account(s, m, PteTable.PfnOf(e), false, Units.PageSize, processes);
                else if (e == PteTable.SpecialPage) AccountPage(s, Units.PageSize, processes, anon: false);
                else if (PteTable.IsSwap(e)) s.Swap += Units.PageSize;
            }
        }
        var sb = new StringBuilder();
        var vmas = mm.Space.Vmas;
        if (vmas.Count > 0) ProcPidMaps.Line(sb, vmas[0].Start, vmas[^1].End, "---p", 0, "00:00", 0, "[rollup]");
        void Kb(string label, long bytes) => sb.Append($"{label + ":",-16}{bytes >> 10,8} kB\n");
        Kb("Rss", s.Rss); Kb("Pss", s.Pss >> PssShift); Kb("Pss_Dirty", s.PssDirty >> PssShift);
        Kb("Pss_Anon", s.PssAnon >> PssShift); Kb("Pss_File", s.PssFile >> PssShift); Kb("Pss_Shmem", 0);
        Kb("Shared_Clean", s.SharedClean); Kb("Shared_Dirty", s.SharedDirty);
        Kb("Private_Clean", s.PrivateClean); Kb("Private_Dirty", s.PrivateDirty);
        Kb("Referenced", s.Rss); Kb("Anonymous", s.Anonymous); Kb("KSM", 0); Kb("LazyFree", 0);
        Kb("AnonHugePages", s.AnonHuge); Kb("ShmemPmdMapped", 0); Kb("FilePmdMapped", 0);
        Kb("Shared_Hugetlb", 0); Kb("Private_Hugetlb", 0); Kb("Swap", s.Swap); Kb("SwapPss", s.Swap); Kb("Locked", 0);
        return sb.ToString();
    }

    private static void Account(Sums s, Machine m, int pfn, bool huge, long size, int processes)
    {
        bool anon = (m.Node.Map.Flags[pfn] & PageFlags.Anon) != 0;
        int mapcount = anon ? m.Mm.Rmap.MapCount(pfn) : m.Mm.Library.MapCount(pfn);
        AccountPage(s, size, mapcount, anon);
        if (anon) s.Anonymous += size;
        _ = huge;
    }

    /// <summary>smaps_page_accumulate.</summary>
    private static void AccountPage(Sums s, long size, int mapcount, bool anon)
    {
        long pss = (size << PssShift) / Math.Max(1, mapcount);
        s.Rss += size;
        s.Pss += pss;
        if (anon) { s.PssAnon += pss; s.PssDirty += pss; } else s.PssFile += pss;
        if (mapcount >= 2) { if (anon) s.SharedDirty += size; else s.SharedClean += size; }
        else if (anon) s.PrivateDirty += size;
        else s.PrivateClean += size;
    }
}
