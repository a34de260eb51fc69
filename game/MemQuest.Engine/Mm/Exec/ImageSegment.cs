// One mapping a dynamically linked C program has after exec and ld.so (kernel-spec §8.1): its
// place (page offset from its block's base), size, final protection, what it maps, and how many
// of its pages the program has touched by the time it waits (file pages mapped from the page
// cache, anon pages written, kernel special pages such as the vDSO).
namespace MemQuest.Engine.Mm.Exec;

public sealed record ImageSegment(long OffsetPages, int Pages, VmFlags Flags, string? File, long FilePageOffset,
    string? Name, int ResidentFile, int ResidentAnon, int ResidentSpecial = 0, string Device = "00:00", long Inode = 0);
