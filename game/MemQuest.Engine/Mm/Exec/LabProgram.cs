// Models the lab's test program (the oracle's oomchild.c): a minimal C program that maps, touches
// and then waits in pause(), and `grow`, which touches more of its mapping page by page and maps
// more when it runs out, kernel-spec §8.2, §9. All memory effects come from the mm mechanisms
// (mmap → Overcommit, touches → FaultHandler).
using MemQuest.Engine.Mm.Fault;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Exec;

public static class LabProgram
{
    /// <summary>Start NAME: exec the minimal program, map and touch as <paramref name="spec"/> says, then wait.</summary>
    public static LabOutcome Spawn(VirtualMemory vm, string name, int parentPid, long tick, LabProgramSpec spec)
    {
        long allocFailures = vm.PageAlloc.AllocFailures;
        Process? p = MinimalProgram.Spawn(vm, name, parentPid, tick, stdioHeap: true, out _);
        if (p is null)
            return new LabOutcome(null, 0, vm.PageAlloc.AllocFailures > allocFailures ? LabFailure.PageAllocationFailed : LabFailure.ForkRefused, 0);
        long first = 0, touched = 0;
        for (int i = 0; i < spec.Regions && spec.MapBytes > 0; i++)
        {
            long fixedAddr = spec.SpacingBytes > 0 ? LabProgramSpec.SpacedBase + i * spec.SpacingBytes : -1;
            long addr = vm.MmapAnon(p, spec.MapBytes, !spec.ReadOnly, spec.NoReserve, fixedAddr);
            if (addr < 0) return new LabOutcome(p, first, LabFailure.MmapRefused, touched);
            if (i == 0) first = addr;
            if (spec.HugePage) vm.Madvise(p, addr, Units.PageAlign(spec.MapBytes), hugepage: true);
            long got = TouchMapping(vm, p, addr, spec);
            touched += got < 0 ? -got - 1 : got;
            if (got < 0) return new LabOutcome(p, first, LabFailure.PageAllocationFailed, touched);
        }
        return new LabOutcome(p, first, LabFailure.None, touched);
    }

    /// <summary>Touch one mapping; the bytes touched, or -(bytes + 1) when a fault failed.</summary>
    private static long TouchMapping(VirtualMemory vm, Process p, long addr, LabProgramSpec spec)
    {
        long len = Units.PageAlign(spec.MapBytes);
        bool write = !spec.Read;
        long step = spec.StrideBytes > 0 ? Units.PageAlign(spec.StrideBytes) : Units.PageSize;
        long end = spec.StrideBytes > 0 ? len : Math.Min(len, Units.PageAlign(spec.TouchBytes));
        for (long off = 0; off < end; off += step)
        {
            FaultResult r = vm.Faults.Handle(p, addr + off, write);
            if (r is FaultResult.Oom or FaultResult.SegvAccErr or FaultResult.SegvMapErr) return -(off + 1);
        }
        return end;
    }

    /// <summary>grow: write <paramref name="bytes"/> more, page by page, into the untouched pages of the process's
    /// own anonymous mappings (newest first), mapping more (the size still wanted) when they run out.</summary>
    public static LabOutcome Grow(VirtualMemory vm, Process p, long bytes)
    {
        long done = 0, from = 0;
        while (done < bytes)
        {
            long next = NextUntouched(p, from);
            if (next < 0)
            {
                long addr = vm.MmapAnon(p, Units.PageAlign(bytes - done), writable: true, noReserve: false);
                if (addr < 0) return new LabOutcome(p, 0, LabFailure.MmapRefused, done);
                from = addr;
                continue;
            }
            FaultResult r = vm.Faults.Handle(p, next, write: true);
            if (r is FaultResult.Oom or FaultResult.SegvAccErr or FaultResult.SegvMapErr)
                return new LabOutcome(p, 0, LabFailure.PageAllocationFailed, done);
            done += Units.PageSize;
            from = next + Units.PageSize;
        }
        return new LabOutcome(p, 0, LabFailure.None, done);
    }

    /// <summary>From address <paramref name="from"/> on, the lowest page of the newest writable lab mapping that no write has reached yet, or -1.</summary>
    private static long NextUntouched(Process p, long from)
    {
        AddressSpace s = p.Mm!.Space;
        for (int i = 0; i < s.Vmas.Count; i++)
        {
            Vma v = s.Vmas[i];
            if (!v.IsAnonymous || v.Name is not null || v.Start >= MinimalProgram.LibraryBase || !v.Has(VmFlags.Write) || v.End <= from) continue;
            for (long a = Math.Max(v.Start, from); a < v.End; a += Units.PageSize)
            {
                PageTables.PteTable? t = s.Tables.Find(a);
                if (t is null) return a;
                int e = t.HugeEntry != 0 ? t.HugeEntry : t.Entries[(a >> Units.PageShift) & 511];
                if (e <= 0 || PageTables.PteTable.IsWriteProtected(e)) return a;
                if (t.HugeEntry != 0) a = ((a >> 21) + 1 << 21) - Units.PageSize;
            }
        }
        return -1;
    }
}
