// Console commands of the page-cache subsystem: free, vmstat, swapon/swapoff, /proc/swaps, dd, the
// filesystem helpers and drop_caches, in the layouts procps, util-linux and coreutils print.
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;
using MemQuest.Scenarios.Shell.Commands.Files;
using MemQuest.Scenarios.Shell.Commands.Memory;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class PageCacheConsoleTests
{
    private static MemQuest.Scenarios.Shell.Shell Lab(long memKb = 1L << 20, long swapKb = 0) =>
        new(Machine.Boot(new MachineSpec(memKb, 2, swapKb), 1), ShellMode.Lab);

    private static string Meminfo(MemQuest.Scenarios.Shell.Shell sh, string label)
    {
        string line = sh.Run("cat /proc/meminfo").Stdout.Split('\n').First(l => l.StartsWith(label + ":", StringComparison.Ordinal));
        return line[16..].Trim();
    }

    [Fact]
    public void Free_Default_HasProcpsLayoutAndAddsUp()
    {
        var sh = Lab(swapKb: 65532);
        string[] lines = sh.Run("free").Stdout.Split('\n');
        Assert.Equal("               total        used        free      shared  buff/cache   available", lines[0]);
        Assert.StartsWith("Mem:     ", lines[1]);
        Assert.Equal(9 + 11 + 5 * 12, lines[1].Length);
        long[] mem = lines[1][4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        Assert.Equal(1048576, mem[0]);
        Assert.Equal(mem[0], mem[1] + mem[2] + mem[4]);
        Assert.Equal("Swap:          65532           0       65532", lines[2]);
    }

    [Fact]
    public void Free_Wide_SplitsBuffersAndCache()
        => Assert.Equal("               total        used        free      shared     buffers       cache   available",
            Lab().Run("free -w").Stdout.Split('\n')[0]);

    [Theory]
    [InlineData(1048576, 0, false, "1048576")]
    [InlineData(1048576, 3, false, "1024")]
    [InlineData(24684096, 4, false, "23")]
    [InlineData(24684096, 0, true, "23Gi")]
    [InlineData(8788, 0, true, "8.6Mi")]
    [InlineData(0, 0, true, "0B")]
    [InlineData(1048576, 0, true, "1.0Gi")]
    [InlineData(65532, 0, true, "63Mi")]
    public void ScaleSize_Value_MatchesProcps(long kb, int exponent, bool human, string expected)
        => Assert.Equal(expected, FreeCommand.ScaleSize(kb, exponent, human));

    [Fact]
    public void Vmstat_Count3_PrintsHeaderAndThreeLinesAndAdvancesThreeSeconds()
    {
        var sh = Lab();
        long tick = sh.Context.Machine.Tick;
        string[] lines = sh.Run("vmstat 1 3").Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal(VmstatCommand.Header, lines[0] + "\n" + lines[1] + "\n");
        Assert.Equal(tick + 20, sh.Context.Machine.Tick);
        Assert.Matches(@"^ 1  0      0 +\d+ +\d+ +\d+    0    0 +\d+ +\d+    0    0  0  0 100  0  0$", lines[2]);
    }

    [Fact]   // procps-ng 4.0.2 new_format: a cold 300 MiB read keeps one of two CPUs in iowait for 3 s (CpuTime model)
    public void Vmstat_AfterAColdRead_ShowsIowaitOnOneOfTwoCpusInProcpsColumns()
    {
        var sh = Lab();
        sh.Run("dd if=/dev/zero of=/data/big bs=1M count=300");
        sh.Run("sync; echo 1 > /proc/sys/vm/drop_caches");
        sh.Run("tick 10");
        sh.Run("cat /data/big > /dev/null");
        string[] lines = sh.Run("vmstat 1 4").Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        // 307200 kB at 1024 kB per jiffy = 300 jiffies = 30 ticks of one CPU: 100 of each line's 200 jiffies
        Assert.StartsWith(" 1  1 ", lines[3]);
        Assert.StartsWith(" 1  1 ", lines[4]);
        Assert.StartsWith(" 1  0 ", lines[5]);
        Assert.All(lines[3..], l => Assert.EndsWith("    0    0  0  0 50 50  0", l));
    }

    [Fact]   // top's first batch frame: %Cpu(s) since boot, each field %5.1f of all CPUs' jiffies
    public void Top_CpuLine_SharesOfTheBoxsCpuTimeSinceBoot()
    {
        var sh = Lab();
        const string allIdle = "%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st";
        Assert.Equal(allIdle, sh.Run("top -b -n 1").Stdout.Split('\n')[2]);   // no jiffies counted yet
        sh.Run("tick 10");
        Assert.Equal(allIdle, sh.Run("top -b -n 1").Stdout.Split('\n')[2]);
        sh.Run("dd if=/dev/zero of=/data/big bs=1M count=300");
        sh.Run("sync; echo 1 > /proc/sys/vm/drop_caches");
        sh.Run("cat /data/big > /dev/null");
        sh.Run("tick 30");
        var t = sh.Context.Machine.CpuTime;
        long total = t.User + t.System + t.Idle + t.Iowait + t.Steal;
        Assert.True(t.Iowait > 0 && t.System > 0, "the cold read waited for the disk and the kernel worked");
        string Tenths(long j) { long x = (j * 1000 + total / 2) / total; return $"{x / 10,3}.{x % 10}"; }
        Assert.Equal($"%Cpu(s):{Tenths(0)} us,{Tenths(t.System)} sy,  0.0 ni,{Tenths(t.Idle)} id,{Tenths(t.Iowait)} wa,  0.0 hi,  0.0 si,  0.0 st",
            sh.Run("top -b -n 1").Stdout.Split('\n')[2]);
    }

    [Fact]   // the since-boot line divides counts by every CPU's jiffies, as procps does (Div = sum of /proc/stat cpu)
    public void Vmstat_FirstLine_RatesArePerCpuSecondSinceBoot()
    {
        var sh = Lab();
        sh.Run("dd if=/dev/zero of=/data/f bs=1M count=10 conv=fsync");
        sh.Run("tick 50");
        Machine m = sh.Context.Machine;
        long div = 2 * 10 * m.Tick;
        long bo = (m.VmEvents[MemQuest.Engine.Vmstat.VmEventItem.Pgpgout] * 100 + div / 2) / div;
        string[] fields = sh.Run("vmstat").Stdout.Split('\n')[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(bo, long.Parse(fields[9]));
    }

    [Fact]
    public void Vmstat_DelayWithoutCount_IsRefusedWithAHint()
        => Assert.Contains("COUNT", Lab().Run("vmstat 1").ErrorMessage);

    [Fact]
    public void SwaponShow_BootSwap_UtilLinuxColumns()
    {
        var sh = Lab(swapKb: 65532);
        Assert.Equal("NAME      TYPE      SIZE USED PRIO\n/dev/vda2 partition  64M   0B   -2\n", sh.Run("swapon --show").Stdout);
        Assert.Equal("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/vda2                               partition\t65532\t\t0\t\t-2\n",
            sh.Run("cat /proc/swaps").Stdout);
    }

    [Fact]
    public void SwapoffAll_ThenSwaponAll_RestoresTheArea()
    {
        var sh = Lab(swapKb: 65532);
        Assert.True(sh.Run("swapoff -a").Succeeded);
        Assert.Equal("", sh.Run("swapon --show").Stdout);
        Assert.Equal("0 kB", Meminfo(sh, "SwapTotal"));
        Assert.True(sh.Run("swapon -a").Succeeded);
        Assert.Equal("65532 kB", Meminfo(sh, "SwapTotal"));
        Assert.Contains("Adding 65532k swap on /dev/vda2.  Priority:-2 extents:1 across:65532k", string.Join("\n", sh.Context.Machine.Kmsg.Lines));
    }

    [Theory]
    [InlineData(67104768L, "64M")]
    [InlineData(0L, "0B")]
    [InlineData(2147479552L, "2G")]
    [InlineData(1610612736L, "1.5G")]
    public void SizeToHuman_Bytes_MatchesUtilLinux(long bytes, string expected)
        => Assert.Equal(expected, SwaponCommand.SizeToHuman(bytes));

    [Fact]
    public void Dd_200MiB_ReportsLikeCoreutilsAndFillsTheCache()
    {
        var sh = Lab(4L << 20);
        long bootCachedKb = long.Parse(Meminfo(sh, "Cached").Split(' ')[0]);   // the C library, cached at boot
        ShellResult r = sh.Run("dd if=/dev/zero of=/data/big bs=1M count=200");
        Assert.True(r.Succeeded);
        Assert.StartsWith("200+0 records in\n200+0 records out\n209715200 bytes (210 MB, 200 MiB) copied, ", r.Stderr);
        Assert.Equal($"{bootCachedKb + 204800} kB", Meminfo(sh, "Cached"));
    }

    [Fact]
    public void Dd_PartialLastBlock_CountsItAsPlusOne()
    {
        var sh = Lab();
        sh.Run("dd if=/dev/zero of=/data/x bs=1000 count=5");
        Assert.StartsWith("1+1 records in\n1+1 records out\n5000 bytes", sh.Run("dd if=/data/x of=/dev/null bs=4096").Stderr);
    }

    [Fact]
    public void SyncThenDropCaches_OnOneLine_EmptiesTheCache()
    {
        var sh = Lab(4L << 20);
        sh.Run("dd if=/dev/zero of=/data/big bs=1M count=50");
        Assert.True(sh.Run("sync; echo 1 > /proc/sys/vm/drop_caches").Succeeded);
        Assert.Equal("0 kB", Meminfo(sh, "Cached"));
        Assert.True(sh.Run("cat /data/big > /dev/null").Succeeded);
        Assert.Equal("51200 kB", Meminfo(sh, "Cached"));
    }

    [Fact]
    public void DropCaches_Zero_BashWriteErrorInvalidArgument()
        => Assert.Equal("bash: echo: write error: Invalid argument\n", Lab().Run("echo 0 > /proc/sys/vm/drop_caches").Stderr);

    [Fact]
    public void DropCaches_Read_PermissionDenied()
        => Assert.Equal("cat: /proc/sys/vm/drop_caches: Permission denied\n", Lab().Run("cat /proc/sys/vm/drop_caches").Stderr);

    [Fact]
    public void DropCaches_LogLine_NamesTheShell()
    {
        var sh = Lab();
        sh.Context.ShellPid = 4537;
        sh.Run("echo 3 > /proc/sys/vm/drop_caches");
        Assert.EndsWith("bash (4537): drop_caches: 3", sh.Context.Machine.Kmsg.Lines[^1]);
    }

    [Fact]
    public void MkdirLsFindRm_Filesystem_BehavesLikeCoreutils()
    {
        var sh = Lab();
        Assert.True(sh.Run("mkdir -p /data/a/b").Succeeded);
        Assert.True(sh.Run("mkfiles /data/a/b 3").Succeeded);
        Assert.Equal("f1\nf2\nf3\n", sh.Run("ls /data/a/b").Stdout);
        Assert.Equal("/data/a\n/data/a/b\n/data/a/b/f1\n/data/a/b/f2\n/data/a/b/f3\n", sh.Run("find /data/a").Stdout);
        Assert.Equal("mkdir: cannot create directory '/data/a': File exists\n", sh.Run("mkdir /data/a").Stderr);
        Assert.True(sh.Run("rm /data/a/b/f2").Succeeded);
        Assert.Equal("rm: cannot remove '/data/a/b/f2': No such file or directory\n", sh.Run("rm /data/a/b/f2").Stderr);
        Assert.Equal("ls: cannot access '/nope': No such file or directory\n", sh.Run("ls /nope").Stderr);
    }

    [Theory]
    [InlineData(209715200L, 0.104858, "209715200 bytes (210 MB, 200 MiB) copied, 0.104858 s, 2.0 GB/s\n")]
    [InlineData(67108864L, 0.123778, "67108864 bytes (67 MB, 64 MiB) copied, 0.123778 s, 542 MB/s\n")]
    [InlineData(512L, 0.5, "512 bytes copied, 0.5 s, 1.0 kB/s\n")]
    [InlineData(5000L, 0.0000025, "5000 bytes (5.0 kB, 4.9 KiB) copied, 2.5e-06 s, 2.0 GB/s\n")]
    public void CopiedLine_BytesAndSeconds_MatchesCoreutils(long bytes, double seconds, string expected)
        => Assert.Equal(expected, DdCommand.CopiedLine(bytes, seconds));

    [Fact]
    public void MkswapSwapon_File_AddsAFileAreaWithTheNextPriority()
    {
        var sh = Lab(swapKb: 65532);
        sh.Run("dd if=/dev/zero of=/swapfile bs=1M count=64");
        Assert.StartsWith("Setting up swapspace version 1, size = 64 MiB (67104768 bytes)\nno label, UUID=", sh.Run("mkswap /swapfile").Stdout);
        Assert.True(sh.Run("swapon /swapfile").Succeeded);
        Assert.EndsWith("/swapfile file       64M   0B   -3\n", sh.Run("swapon --show").Stdout);
        Assert.Equal("131064 kB", Meminfo(sh, "SwapTotal"));
        Assert.Equal("rm: cannot remove '/swapfile': Operation not permitted\n", sh.Run("rm /swapfile").Stderr);
        Assert.Equal("swapon: /etc/hosts: read swap header failed\n", sh.Run("swapon /etc/hosts").Stderr);
    }
}
