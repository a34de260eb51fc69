// Models mprotect (mm/mprotect.c do_mprotect_pkey, mprotect_fixup), kernel-spec §9.1: the VMAs in
// the range are split at its edges and get the new protection; making a private mapping writable
// charges Committed_AS unless it is already charged or VM_NORESERVE (glibc's thread-arena heaps are
// mapped MAP_NORESERVE, so in modes 0 and 1 growing them is never charged).
// Left out: removing write never uncharges (as in the kernel); PTE permission changes (pages keep
// their entries; a later write fault decides COW as usual).
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Mm;

public sealed partial class VirtualMemory
{
    /// <summary>mprotect(addr, len, prot): Ok, ENOMEM when part of the range is unmapped or the charge is refused.</summary>
    public Errno Mprotect(Process p, long addr, long lengthBytes, VmFlags prot)
    {
        AddressSpace s = p.Mm!.Space;
        long end = addr + Units.PageAlign(lengthBytes);
        if ((addr & (Units.PageSize - 1)) != 0 || lengthBytes <= 0) return Errno.EINVAL;
        for (long a = addr; a < end;)
        {
            Vma? v = s.Find(a);
            if (v is null) return Errno.ENOMEM;
            a = v.End;
        }
        const VmFlags protBits = VmFlags.Read | VmFlags.Write | VmFlags.Exec;
        foreach (Vma v in s.Detach(addr, end))
        {
            VmFlags newFlags = (v.Flags & ~protBits) | (prot & protBits);
            bool charge = (prot & VmFlags.Write) != 0 && (v.Flags & (VmFlags.Account | VmFlags.Write | VmFlags.Shared | VmFlags.NoReserve)) == 0;
            if (charge && Commit.VmEnoughMemory(p, v.Pages) != Errno.Ok) { s.Insert(v); return Errno.ENOMEM; }
            if (charge) newFlags |= VmFlags.Account;
            VmStatAccount(p.Mm, v.Flags, -v.Pages);
            VmStatAccount(p.Mm, newFlags, v.Pages);
            v.Flags = newFlags;
            s.Insert(v);
        }
        return Errno.Ok;
    }
}
