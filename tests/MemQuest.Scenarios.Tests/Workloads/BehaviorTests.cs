using MemQuest.Engine;
using MemQuest.Scenarios.Workloads;

namespace MemQuest.Scenarios.Tests.Workloads;

public sealed class BehaviorTests
{
    private static (IWorkloadBehavior Behavior, WorkloadContext Context, RecordingKernel Kernel) Make(string kind, params (string K, string V)[] prm)
    {
        var kernel = new RecordingKernel();
        WorkloadKind k = WorkloadKinds.Find(kind)!;
        var context = new WorkloadContext(kernel, new SimRandom(1), new AllocationLedger()) { Pid = 500 };
        var behavior = k.Create(k.Resolve(prm.ToDictionary(p => p.K, p => p.V)));
        behavior.Start(context);
        return (behavior, context, kernel);
    }

    private static void Run(IWorkloadBehavior b, WorkloadContext c, long fromTick, long toTick)
    {
        for (long t = fromTick; t <= toTick; t++) { c.Tick = t; b.Tick(c); }
    }

    [Fact]
    public void Leak_EachTick_MallocsItsRateAndKeepsIt()
    {
        var (b, c, k) = Make("leak", ("heap_kb", "4k"), ("leak_kb_per_tick", "8k"), ("chunk_bytes", "4096"), ("temp_allocs_per_tick", "1"));
        Assert.Equal(["mmap 4096", "touch 1"], k.Calls);
        Run(b, c, 1, 10);
        Assert.Equal(10 * 8192, k.LiveMallocBytes);
        Assert.Equal(10 * 8192, c.Ledger.Sites[c.LeakSite].HeldBytes);
    }

    [Fact]
    public void Leak_TempBytesSet_ShortLivedAllocationsUseItAndLeakObjectsChunkBytes()
    {
        var (b, c, k) = Make("leak", ("heap_kb", "4k"), ("leak_kb_per_tick", "128k"), ("chunk_bytes", "65536"), ("temp_allocs_per_tick", "3"), ("temp_bytes", "4096"));
        Run(b, c, 1, 1);
        Assert.Equal(["mmap 4096", "touch 1", "malloc 65536", "malloc 65536", "malloc 4096", "free", "malloc 4096", "free", "malloc 4096", "free"], k.Calls);
        Assert.Equal(2 * 65536, k.LiveMallocBytes);
        Assert.Equal(0, c.Ledger.Sites[c.TempSite].HeldBytes);
    }

    [Fact]
    public void Leak_TempBytesUnset_ShortLivedAllocationsAreChunkBytes()
    {
        var (b, c, k) = Make("leak", ("heap_kb", "4k"), ("leak_kb_per_tick", "8k"), ("chunk_bytes", "8192"), ("temp_allocs_per_tick", "1"));
        Run(b, c, 1, 1);
        Assert.Equal(["mmap 4096", "touch 1", "malloc 8192", "malloc 8192", "free"], k.Calls);
    }

    [Fact]
    public void Leak_SpikeDoublesLoad_DoublesTheGrowth()
    {
        var (b, c, k) = Make("leak", ("leak_kb_per_tick", "8k"), ("temp_allocs_per_tick", "0"));
        c.LoadPermille = 2000;
        Run(b, c, 1, 5);
        Assert.Equal(5 * 16384, k.LiveMallocBytes);
    }

    [Fact]
    public void Leak_WithCap_PlateausAtTheCap()
    {
        var (b, c, k) = Make("leak", ("leak_kb_per_tick", "64k"), ("cap_kb", "256k"), ("temp_allocs_per_tick", "0"));
        Run(b, c, 1, 100);
        Assert.Equal(256 * 1024, k.LiveMallocBytes);
    }

    [Fact]
    public void ForkSnapshotter_ForkRefused_LogsRedisErrorAndMarksSnapshotFailed()
    {
        var (b, c, k) = Make("fork-snapshotter", ("dataset_kb", "8M"), ("snapshot_every_ticks", "100"));
        k.ForkResult = -12;
        Run(b, c, 1, 100);
        Assert.Equal(false, c.LastSnapshotOk);
        Assert.Contains("Can't save in background: fork: Cannot allocate memory", c.Journal);
        Assert.Equal(1, k.Calls.Count(x => x == "fork"));
    }

    [Fact]
    public void ForkSnapshotter_ForkSucceeds_ChildWritesDumpAndExits()
    {
        var (b, c, k) = Make("fork-snapshotter", ("dataset_kb", "8M"), ("snapshot_every_ticks", "100"), ("snapshot_ticks", "10"));
        Run(b, c, 1, 110);
        Assert.Equal(true, c.LastSnapshotOk);
        Assert.Contains("create /var/lib/redis/dump.rdb 8388608", k.Calls);
        Assert.Contains("exit 900", k.Calls);
    }

    [Fact]
    public void ForkSnapshotter_DumpKbSet_ChildWritesThatMuch()
    {
        var (b, c, k) = Make("fork-snapshotter", ("dataset_kb", "8M"), ("dump_kb", "3M"), ("snapshot_every_ticks", "100"), ("snapshot_ticks", "10"));
        Run(b, c, 1, 110);
        Assert.Equal(true, c.LastSnapshotOk);
        Assert.Contains("create /var/lib/redis/dump.rdb 3145728", k.Calls);
        Assert.Contains("mmap 8388608", k.Calls);
    }

    [Fact]
    public void Database_WorkingSetInsidePool_NeverReadsTheFile()
    {
        var (b, c, k) = Make("database", ("buffer_pool_kb", "64M"), ("working_set_kb", "32M"), ("read_kb_per_tick", "4M"));
        Run(b, c, 1, 50);
        Assert.DoesNotContain(k.Calls, x => x.StartsWith("read", StringComparison.Ordinal));
    }

    [Fact]
    public void Database_WorkingSetBeyondPool_ReadsTheRestThroughThePageCache()
    {
        var (b, c, k) = Make("database", ("buffer_pool_kb", "16M"), ("working_set_kb", "32M"), ("read_kb_per_tick", "4M"));
        Run(b, c, 1, 8);
        long read = k.Calls.Where(x => x.StartsWith("read", StringComparison.Ordinal)).Sum(x => long.Parse(x.Split(' ')[3]));
        Assert.Equal(16L << 20, read);
    }

    [Theory]
    [InlineData("MemFree", false)]
    [InlineData("MemAvailable", true)]
    public void BatchJob_StartCheck_ReadsTheConfiguredMeminfoLine(string field, bool starts)
    {
        var (b, c, k) = Make("batch-job", ("start_tick", "10"), ("peak_kb", "1M"), ("min_free_kb", "3G"), ("check_field", field));
        k.Meminfo["MemFree"] = 1L << 20;
        k.Meminfo["MemAvailable"] = 6L << 20;
        Run(b, c, 1, 20);
        Assert.Contains($"meminfo {field}", k.Calls);
        Assert.Equal(starts, c.Journal.Contains("Starting job."));
    }

    [Fact]
    public void WebServer_Pool_AllocatesOnceAndNeverMallocs()
    {
        var (b, c, k) = Make("web-server", ("allocator", "pool"), ("connections", "10"), ("per_conn_kb", "64k"));
        Run(b, c, 1, 20);
        Assert.Equal(["mmap 655360", "touch 160"], k.Calls);
    }

    [Fact]
    public void WebServer_Malloc_ChurnsConnectionsEveryTick()
    {
        var (b, c, k) = Make("web-server", ("allocator", "malloc"), ("connections", "10"), ("churn_per_tick", "3"));
        Run(b, c, 1, 4);
        Assert.Equal(12, k.Calls.Count(x => x == "free"));
        Assert.Equal(10 * 65536, k.LiveMallocBytes);
    }

    [Fact]
    public void DirectoryScanner_StatsFilesPerTickUntilDone()
    {
        var (b, c, k) = Make("directory-scanner", ("files", "25"), ("files_per_tick", "10"));
        Run(b, c, 0, 5);
        Assert.Equal(25, k.Calls.Count(x => x.StartsWith("create", StringComparison.Ordinal)));
        Assert.Contains("scan of /srv/files finished: 25 files", c.Journal);
    }
}
