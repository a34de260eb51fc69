// Determinism contract (architecture §6) for the page-cache subsystem: the same workload on the same
// seed gives the same digest; a different workload gives a different one (the state is hashed).
namespace MemQuest.Engine.Tests.Filemap;

public sealed class PageCacheDeterminismTests
{
    private static string Run(int files)
    {
        var box = new PageCacheBox(256L << 10, swapKb: 64L << 10);
        for (int i = 0; i < files; i++) box.Write($"/data/f{i}", 24L << 20);
        box.Read("/data/f0");
        for (int t = 0; t < 40; t++) box.Machine.Step();
        box.Drop("3");
        box.Machine.Sysctls.Write("compact_memory", "1");
        return box.Machine.Digest();
    }

    [Fact]
    public void Digest_SameWorkload_IsIdentical() => Assert.Equal(Run(12), Run(12));

    [Fact]
    public void Digest_DifferentWorkload_Differs() => Assert.NotEqual(Run(12), Run(11));
}
