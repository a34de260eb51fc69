// What one read or write through the page cache did: pages found in the cache, pages that had to
// come from the disk (the cost a cold cache makes a service pay), pages dirtied, and the errno.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Filemap;

public sealed record IoResult(long CachedPages, long DiskReadPages, long DirtiedPages, Errno Error)
{
    public long Pages => CachedPages + DiskReadPages;
}
