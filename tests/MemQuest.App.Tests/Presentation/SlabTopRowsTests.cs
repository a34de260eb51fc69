using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class SlabTopRowsTests
{
    [Fact]
    public void Top_Caches_LargestCacheSizeFirstThenName()
    {
        SlabTopRow[] caches =
        [
            new("kmalloc-32", 100, 128, 32, 4), new("dentry", 5000, 5040, 192, 960), new("inode_cache", 10, 20, 600, 960),
        ];
        Assert.Equal(["dentry", "inode_cache"], SlabTopRows.Top(caches, 2).Select(r => r.Name));
    }

    [Fact]
    public void Lines_NoCaches_SaysSo()
    {
        Assert.Equal(["(no slab caches on this box)"], SlabTopRows.Lines([]));
        Assert.EndsWith("dentry", SlabTopRows.Lines([new("dentry", 5000, 5040, 192, 960)])[1]);
    }
}
