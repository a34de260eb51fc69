// The path walk (fs/namei.c path_lookupat) brings every component of a path into the dcache, on every
// walk. FileSystem resumes a walk after the prefix it walked last when nothing was evicted or aged
// since (walking it again would change nothing); these check that the resume never skips a component
// the dcache lost or aged in between, so the dcache ends up as a full walk leaves it.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Filemap;

public sealed class PathWalkTests
{
    [Fact]
    public void Lookup_AfterDrop2FreedTheWalkedPrefix_BringsEveryComponentBack()
    {
        var box = new PageCacheBox(1L << 20);
        FileSystem fs = box.Machine.Fs;
        fs.Mkdir("/data/d/sub", parents: true);
        fs.Create("/data/d/sub/f", out _);
        Inode sub = fs.Lookup("/data/d/sub", out _)!;   // a walk that brings nothing new: the next one may resume after it
        box.Drop("2");
        Assert.Equal(-1, sub.DentryHandle);             // drop_caches 2 freed the unused dentries, the prefix's too

        Inode? f = fs.Lookup("/data/d/sub/f", out Errno e);

        Assert.Equal(Errno.Ok, e);
        for (Inode? i = f; i!.Parent is not null; i = i.Parent)
        {
            Assert.NotEqual(-1, i.DentryHandle);
            Assert.NotEqual(-1, i.InodeHandle);
        }
    }

    [Fact]
    public void Lookup_AfterTheShrinkerAgedTheWalkedDirectory_SetsDcacheReferencedAgain()
    {
        var box = new PageCacheBox(1L << 20);
        FileSystem fs = box.Machine.Fs;
        fs.Mkdir("/data/empty", parents: false);
        Inode dir = fs.Lookup("/data/empty", out _)!;   // an empty directory's dentry is unused: on the LRU, referenced
        Assert.True(dir.DentryReferenced);
        // dentry_lru_isolate: one pass over the unused dentries takes DCACHE_REFERENCED off each and rotates it.
        while (dir.DentryReferenced) fs.Dcache.ScanObjects(1);
        Assert.NotEqual(-1, dir.DentryHandle);

        fs.Lookup("/data/empty", out _);

        Assert.True(dir.DentryReferenced);
    }
}
