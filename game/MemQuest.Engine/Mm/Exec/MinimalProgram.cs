// Models what exec of a small dynamically linked C program (glibc 2.36, Debian 12) leaves in the
// address space (fs/binfmt_elf.c load_elf_binary, ld.so, arch_setup_additional_pages), kernel-spec
// §8.1-§8.4: program segments, [heap] (glibc's first malloc: tcache + stdout buffer, 132 KiB),
// libc.so.6 and ld-linux segments with their anonymous neighbours, [vvar]/[vvar_vclock]/[vdso]
// and a 132 KiB [stack]. Segment sizes are those of the real files; the touched-page counts are
// those such a program shows in /proc/PID/smaps when it waits in pause() (the oracle's idle case:
// VmSize 2476 kB, RssAnon 100 kB, RssFile 1348 kB, VmData 224 kB, VmPTE 44 kB). The footprint is
// built by real faults, so page tables, RSS and Committed_AS come out of the mechanism.
// Fixed layout (no ASLR, chosen like a typical randomised run): program at 0x55d4c8a1e000, heap
// in another 2 MiB slot of the same GiB, libraries in the 512 GiB slot below the stack's.
using MemQuest.Engine.Mm.Fault;
using MemQuest.Engine.Mm.PageTables;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm.Exec;

public static class MinimalProgram
{
    public const long ProgramBase = 0x55d4c8a1e000;
    public const long HeapBase = 0x55d4c9f3b000;
    public const long LibraryBase = 0x7f3a1c4b7000;
    public const long StackBase = 0x7ffd3c6b9000;
    public const string Libc = "/usr/lib/x86_64-linux-gnu/libc.so.6";
    public const string Ld = "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2";
    private const VmFlags R = VmFlags.Read, RW = VmFlags.Read | VmFlags.Write, RX = VmFlags.Read | VmFlags.Exec;
    private const VmFlags Acct = VmFlags.Account;

    /// <summary>The library block, ascending from LibraryBase (pages; a 9-page hole sits where ld.so unmapped).</summary>
    public static readonly ImageSegment[] Libraries =
    [
        new(0, 3, RW | Acct, null, 0, null, 0, 2),
        new(3, 38, R, Libc, 0, Libc, 38, 0, 0, "fe:00", 332096),
        new(41, 342, RX, Libc, 38, Libc, 214, 0, 0, "fe:00", 332096),
        new(383, 83, R, Libc, 380, Libc, 32, 0, 0, "fe:00", 332096),
        new(466, 4, R | Acct, Libc, 463, Libc, 0, 4, 0, "fe:00", 332096),
        new(470, 2, RW | Acct, Libc, 467, Libc, 0, 2, 0, "fe:00", 332096),
        new(472, 13, RW | Acct, null, 0, null, 0, 5),
        new(494, 2, RW | Acct, null, 0, null, 0, 1),
        new(496, 4, R | VmFlags.Special, null, 0, "[vvar]", 0, 0),
        new(500, 2, R | VmFlags.Special, null, 0, "[vvar_vclock]", 0, 0),
        new(502, 2, RX | VmFlags.Special, null, 0, "[vdso]", 0, 0, 1),
        new(504, 1, R, Ld, 0, Ld, 1, 0, 0, "fe:00", 331651),
        new(505, 38, RX, Ld, 1, Ld, 38, 0, 0, "fe:00", 331651),
        new(543, 10, R, Ld, 39, Ld, 10, 0, 0, "fe:00", 331651),
        new(553, 2, R | Acct, Ld, 49, Ld, 0, 2, 0, "fe:00", 331651),
        new(555, 2, RW | Acct, Ld, 51, Ld, 0, 2, 0, "fe:00", 331651),
    ];

    /// <summary>The program's own five ELF segments (text is the second), ascending from ProgramBase.</summary>
    public static ImageSegment[] Program(string path) =>
    [
        new(0, 1, R, path, 0, path, 1, 0, 0, "fe:00", 1311),
        new(1, 1, RX, path, 1, path, 1, 0, 0, "fe:00", 1311),
        new(2, 1, R, path, 2, path, 1, 0, 0, "fe:00", 1311),
        new(3, 1, R | Acct, path, 2, path, 0, 1, 0, "fe:00", 1311),
        new(4, 1, RW | Acct, path, 3, path, 0, 1, 0, "fe:00", 1311),
    ];

    public static readonly ImageSegment Stack = new(0, 33, RW | VmFlags.Stack | Acct, null, 0, "[stack]", 0, 3);

    /// <summary>The (file, page index) pairs of libc.so.6 and ld-linux that exec of this program brings into the
    /// page cache: the pages it maps from the file and the file pages its private writes copy (do_cow_fault
    /// reads the file page before copying it). In file order, each once.</summary>
    public static IEnumerable<(string File, long Index)> LibraryCachePages()
    {
        var files = new List<string>();
        var indexes = new Dictionary<string, SortedSet<long>>(StringComparer.Ordinal);
        foreach (ImageSegment seg in Libraries)
        {
            if (seg.File is null) continue;
            if (!indexes.TryGetValue(seg.File, out SortedSet<long>? set)) { indexes[seg.File] = set = []; files.Add(seg.File); }
            int touched = Math.Max(seg.ResidentFile, seg.ResidentAnon);
            for (int i = 0; i < touched; i++) set.Add(seg.FilePageOffset + i);
        }
        foreach (string file in files)
            foreach (long index in indexes[file]) yield return (file, index);
    }

    /// <summary>fork + execve of a minimal C program named <paramref name="comm"/> by <paramref name="parentPid"/>
    /// (uid 0); with <paramref name="stdioHeap"/> it has made its first malloc (stdout buffer). Null with ENOMEM.</summary>
    public static Process? Spawn(VirtualMemory vm, string comm, int parentPid, long tick, bool stdioHeap, out Errno error)
    {
        var p = new Process(vm.Processes.AllocPid(), comm, parentPid, new MmStruct()) { StartTick = tick };
        p.AnonFamily = p.Pid;
        vm.Processes.Add(p);
        vm.Rmap.JoinFamily(p);
        AddressSpace s = p.Mm!.Space;
        s.MmapBase = LibraryBase + (557L << Units.PageShift);
        s.StartCode = ProgramBase + Units.PageSize;
        s.EndCode = ProgramBase + 2 * Units.PageSize;
        s.StartBrk = s.Brk = HeapBase;
        error = MapAll(vm, p, ProgramBase, Program("/usr/local/bin/" + comm))
            ?? MapAll(vm, p, LibraryBase, Libraries)
            ?? MapAll(vm, p, StackBase, [Stack])
            ?? Errno.Ok;
        if (error == Errno.Ok)
        {
            p.Malloc = new Malloc.GlibcMalloc();
            if (stdioHeap) error = StdioHeap(vm, p);
        }
        if (error == Errno.Ok) return p;
        vm.Exit(p);
        return null;
    }

    /// <summary>printf's first call: malloc(1024) for the stdout buffer (glibc also sets up its tcache), then
    /// the program writes the first two heap pages.</summary>
    private static Errno StdioHeap(VirtualMemory vm, Process p)
    {
        var r = p.Malloc!.Malloc(vm, p, 1024);
        if (r.Error != Errno.Ok) return r.Error;
        for (int i = 0; i < 2; i++)
            if (vm.Faults.Handle(p, HeapBase + i * Units.PageSize, write: true) == FaultResult.Oom) return Errno.ENOMEM;
        return Errno.Ok;
    }

    private static Errno? MapAll(VirtualMemory vm, Process p, long baseAddr, ImageSegment[] segments)
    {
        foreach (ImageSegment seg in segments)
        {
            long start = baseAddr + (seg.OffsetPages << Units.PageShift);
            if (seg.Flags.HasFlag(VmFlags.Account) && vm.Commit.VmEnoughMemory(p, seg.Pages) != Errno.Ok) return Errno.ENOMEM;
            var vma = new Vma(start, start + ((long)seg.Pages << Units.PageShift), seg.Flags, seg.Name)
            {
                File = seg.File, FileOffsetBytes = seg.FilePageOffset << Units.PageShift, Device = seg.Device, Inode = seg.Inode,
            };
            p.Mm!.Space.Insert(vma);
            VirtualMemory.VmStatAccount(p.Mm, seg.Flags & ~VmFlags.Account, seg.Pages);
            if (!Populate(vm, p, vma, seg)) return Errno.ENOMEM;
        }
        return null;
    }

    /// <summary>The faults the program took in this segment while starting: file reads, private writes (COW
    /// copies of file pages for relro/data, which were writable then), the vDSO page.</summary>
    private static bool Populate(VirtualMemory vm, Process p, Vma vma, ImageSegment seg)
    {
        VmFlags final = vma.Flags;
        vma.Flags |= VmFlags.Write;
        bool ok = true;
        for (int i = 0; i < seg.ResidentFile && ok; i++)
            ok = vm.Faults.Handle(p, vma.Start + i * Units.PageSize, write: false) == FaultResult.Minor;
        for (int i = 0; i < seg.ResidentAnon && ok; i++)
            ok = vm.Faults.Handle(p, vma.Start + i * Units.PageSize, write: true) == FaultResult.Minor;
        for (int i = 0; i < seg.ResidentSpecial && ok; i++)
        {
            PteTable? t = p.Mm!.Space.Tables.Ensure(vma.Start, p.Mm, vm.PgtablePages);
            ok = t is not null;
            if (ok) { t!.Entries[(vma.Start >> Units.PageShift) & 511] = PteTable.SpecialPage; p.Mm.RssFilePages++; }
        }
        vma.Flags = final;
        return ok;
    }
}
