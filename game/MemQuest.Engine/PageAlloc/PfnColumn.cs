// Not a kernel model: element access without the CLR's bounds check, for mem_map's columns and the
// free-list heads on the buddy allocator's hot paths, where each check would repeat one already
// made (a compare, a branch and a length load per access). Every caller has checked the index first:
// a pfn against its zone's span (every column is MemMap.EndPfn long), a list index by its order and
// migratetype. Debug builds, which the tests run, keep the CLR's check.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MemQuest.Engine.PageAlloc;

internal static class PfnColumn
{
    /// <summary>column[index], its range already checked by the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T At<T>(T[] column, int index)
    {
#if DEBUG
        return ref column[index];
#else
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(column), (nint)(uint)index);
#endif
    }
}
