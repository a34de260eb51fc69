// Models the VM_* flags of struct vm_struct (include/linux/vmalloc.h) that /proc/vmallocinfo
// prints, kernel-spec §7, plus Unpurged for a vmap_area that vfree released lazily.
namespace MemQuest.Engine.Vmalloc;

[Flags]
public enum VmFlags
{
    None = 0,
    Ioremap = 1 << 0,
    /// <summary>VM_ALLOC: vmalloc() pages.</summary>
    Alloc = 1 << 1,
    /// <summary>VM_MAP: vmap() of existing pages.</summary>
    Map = 1 << 2,
    /// <summary>VM_NO_GUARD: no guard page after the area.</summary>
    NoGuard = 1 << 3,
    /// <summary>The page array itself is vmalloc'ed (the " vpages" word).</summary>
    Vpages = 1 << 4,
    /// <summary>Freed, waiting for the lazy purge (the "unpurged vm_area" line).</summary>
    Unpurged = 1 << 5,
}
