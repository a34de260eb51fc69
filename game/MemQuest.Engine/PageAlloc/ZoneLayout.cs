// Models the x86-64 boot memory map and zone setup (arch/x86/mm/init.c zone_sizes_init,
// mm/mm_init.c free_area_init, memblock_free_all), kernel-spec §1: DMA below 16 MiB, DMA32 up to
// 4 GiB with the 3-4 GiB PCI hole, Normal above. Memory the firmware and kernel keep (BIOS area,
// kernel image, mem_map at 64 bytes per page) is present but not managed, and MemTotal (the sum
// of managed pages) comes out exactly as requested.
// Boot population hands free ranges to the buddy allocator in the largest naturally aligned
// blocks, at the list tails, in ascending pfn order (__free_pages_memory with FPI_TO_TAIL).
using MemQuest.Engine.Events;

namespace MemQuest.Engine.PageAlloc;

public static class ZoneLayout
{
    public const long MinMemTotalKb = 64 * 1024;
    public const long MaxMemTotalKb = 256L * 1024 * 1024;
    private const long DmaEndPfn = 4096;
    private const long DmaFirstFreePfn = 256;          // pfn 1..158 BIOS-reserved, 159..255 the VGA/ROM hole
    private const long DmaPresentPages = 3998;
    private const long LowRamEndPfn = 786432;          // RAM below the 3 GiB PCI hole
    private const long Above4GPfn = 1048576;
    private const long KernelImagePages = 9216;        // kernel text, data, bss, initrd: 36 MiB at 16 MiB

    /// <summary>Boot a node whose MemTotal is exactly <paramref name="memTotalKb"/>.</summary>
    public static PgData Boot(long memTotalKb, KernelEventLog events)
    {
        if (memTotalKb % 4 != 0) throw new ArgumentException("MemTotal must be a multiple of 4 kB (one page)", nameof(memTotalKb));
        if (memTotalKb < MinMemTotalKb || memTotalKb > MaxMemTotalKb)
            throw new ArgumentOutOfRangeException(nameof(memTotalKb), $"MemTotal must be between {MinMemTotalKb} kB and {MaxMemTotalKb} kB");
        long target = memTotalKb / 4;
        long ramPages = SolveRamPages(target);
        return Build(ramPages, events);
    }

    /// <summary>A node with a single populated Normal zone of <paramref name="pages"/> pages starting at
    /// <paramref name="startPfn"/>, all free (the tiny worlds of tests and worked examples).</summary>
    public static PgData SingleZone(long pages, KernelEventLog events, long startPfn = 0, bool populate = true)
    {
        var map = new MemMap(startPfn + pages);
        Zone[] zones = EmptyZones(map, events);
        zones[(int)ZoneType.Normal] = new Zone(ZoneType.Normal, map, startPfn, pages, pages, events) { ManagedPages = pages };
        var node = new PgData(map, zones);
        if (populate) FreeRange(zones[(int)ZoneType.Normal], startPfn, startPfn + pages);
        return node;
    }

    private static long ManagedFor(long ramPages)
    {
        long lowEnd = Math.Min(ramPages, LowRamEndPfn);
        long dma32Present = lowEnd - DmaEndPfn;
        long normalPresent = Math.Max(0, ramPages - LowRamEndPfn);
        long memmap = MemmapPages(DmaPresentPages + dma32Present + normalPresent);
        return (DmaEndPfn - DmaFirstFreePfn) + dma32Present - KernelImagePages + normalPresent - memmap;
    }

    private static long MemmapPages(long presentPages) => (presentPages * 64 + Units.PageSize - 1) / Units.PageSize;

    private static long SolveRamPages(long targetManaged)
    {
        long ram = targetManaged + KernelImagePages + DmaFirstFreePfn + MemmapPages(targetManaged);
        while (ManagedFor(ram) < targetManaged) ram++;
        while (ManagedFor(ram) > targetManaged) ram--;
        while (ram > 0 && ManagedFor(ram - 1) == targetManaged) ram--;
        if (ManagedFor(ram) != targetManaged) throw new InvalidOperationException("zone layout could not hit MemTotal exactly");
        return ram;
    }

    private static PgData Build(long ramPages, KernelEventLog events)
    {
        long lowEnd = Math.Min(ramPages, LowRamEndPfn);
        long normalPresent = Math.Max(0, ramPages - LowRamEndPfn);
        long endPfn = normalPresent > 0 ? Above4GPfn + normalPresent : lowEnd;
        long presentTotal = DmaPresentPages + (lowEnd - DmaEndPfn) + normalPresent;
        long memmap = MemmapPages(presentTotal);
        var map = new MemMap(endPfn);
        Zone[] zones = EmptyZones(map, events);

        var dma = new Zone(ZoneType.Dma, map, 1, DmaEndPfn - 1, DmaPresentPages, events) { ManagedPages = DmaEndPfn - DmaFirstFreePfn };
        long dma32Span = (normalPresent > 0 ? Above4GPfn : lowEnd) - DmaEndPfn;
        var dma32 = new Zone(ZoneType.Dma32, map, DmaEndPfn, dma32Span, lowEnd - DmaEndPfn, events);
        zones[(int)ZoneType.Dma] = dma;
        zones[(int)ZoneType.Dma32] = dma32;
        Zone top = dma32;
        if (normalPresent > 0)
        {
            top = new Zone(ZoneType.Normal, map, Above4GPfn, normalPresent, normalPresent, events);
            zones[(int)ZoneType.Normal] = top;
        }
        dma32.ManagedPages = dma32.PresentPages - KernelImagePages - (top == dma32 ? memmap : 0);
        if (top != dma32) top.ManagedPages = top.PresentPages - memmap;

        MarkReserved(map, 1, DmaFirstFreePfn);
        MarkReserved(map, DmaEndPfn, DmaEndPfn + KernelImagePages);
        long topEnd = top.StartPfn + top.PresentPages;
        MarkReserved(map, topEnd - memmap, topEnd);

        FreeRange(dma, DmaFirstFreePfn, DmaEndPfn);
        if (top == dma32) FreeRange(dma32, DmaEndPfn + KernelImagePages, topEnd - memmap);
        else
        {
            FreeRange(dma32, DmaEndPfn + KernelImagePages, lowEnd);
            FreeRange(top, top.StartPfn, topEnd - memmap);
        }
        return new PgData(map, zones);
    }

    private static Zone[] EmptyZones(MemMap map, KernelEventLog events)
    {
        var zones = new Zone[ZoneNames.Count];
        for (int i = 0; i < zones.Length; i++) zones[i] = new Zone((ZoneType)i, map, 0, 0, 0, events);
        return zones;
    }

    private static void MarkReserved(MemMap map, long start, long end)
    {
        for (long p = start; p < end; p++) map.Flags[p] = PageFlags.Reserved;
    }

    /// <summary>__free_pages_memory (mm/memblock.c): largest aligned blocks, FPI_TO_TAIL.</summary>
    public static void FreeRange(Zone zone, long start, long end)
    {
        while (start < end)
        {
            int order = start == 0 ? Units.MaxPageOrder : Math.Min(Units.MaxPageOrder, System.Numerics.BitOperations.TrailingZeroCount(start));
            while (start + (1L << order) > end) order--;
            for (long p = start; p < start + (1L << order); p++) zone.Map.Flags[p] = PageFlags.None;
            BuddyAllocator.FreeOnePage(zone, (int)start, order, toTail: true);
            start += 1L << order;
        }
    }
}
