// Models struct vm_area_struct (include/linux/mm_types.h), kernel-spec §8.1: a range [Start, End)
// of the address space with its flags, the file it maps (null for anonymous memory) and the
// name /proc/PID/maps prints ([heap], [stack], [vdso], a path or nothing).
// Invariants: Start and End are page aligned, Start < End; a process's VMAs never overlap.
namespace MemQuest.Engine.Mm;

public sealed class Vma(long start, long end, VmFlags flags, string? name = null)
{
    public long Start { get; set; } = start;
    public long End { get; set; } = end;
    public VmFlags Flags { get; set; } = flags;
    /// <summary>What /proc/PID/maps prints in the path column (file path, [heap], [stack], [vdso]...).</summary>
    public string? Name { get; init; } = name;
    /// <summary>The backing file of a file mapping (key into the page cache), null when anonymous.</summary>
    public string? File { get; init; }
    public long FileOffsetBytes { get; init; }
    /// <summary>st_dev as "fe:00" and inode, for /proc/PID/maps.</summary>
    public string Device { get; init; } = "00:00";
    public long Inode { get; init; }

    public long Pages => (End - Start) >> Units.PageShift;
    public bool IsAnonymous => File is null && (Flags & VmFlags.Special) == 0;
    public bool Has(VmFlags f) => (Flags & f) == f;
    public bool Contains(long addr) => addr >= Start && addr < End;

    /// <summary>A copy for fork (dup_mmap) or for splitting.</summary>
    public Vma Clone(long start, long end) => new(start, end, Flags, Name)
    {
        File = File,
        FileOffsetBytes = File is null ? 0 : FileOffsetBytes + (start - Start),
        Device = Device,
        Inode = Inode,
    };

    public void AddToDigest(DigestWriter w)
    {
        w.Add(Start); w.Add(End); w.Add((long)Flags); w.Add(Name ?? ""); w.Add(File ?? ""); w.Add(FileOffsetBytes);
    }
}
