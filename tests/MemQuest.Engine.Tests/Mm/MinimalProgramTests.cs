using MemQuest.Engine.Mm.Exec;

namespace MemQuest.Engine.Tests.Mm;

public sealed class MinimalProgramTests
{
    [Fact]
    public void Spawn_IdleProgram_HasTheOracleIdleFootprint()
    {
        var box = new MmTestBox();
        var p = box.Spawn();
        Assert.Equal(2476, MmTestBox.SizeKb(p));
        Assert.Equal(100, MmTestBox.AnonKb(p));
        Assert.Equal(1348, MmTestBox.FileKb(p));
        Assert.Equal(224, MmTestBox.DataKb(p));
        Assert.Equal(44, MmTestBox.PteKb(p));
        Assert.Equal(33, p.Mm!.StackVmPages);
    }
}
