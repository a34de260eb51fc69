// Console tests for the slab and vmalloc tools (kernel-spec §5.4, §6, §7): slabtop -o layout and
// rounding (procps-ng 4.0), /proc/slabinfo and /sys/kernel/slab files, and the lab helpers
// kmalloc/kfree, vmalloc/vfree/kvmalloc.
using System.Text.RegularExpressions;
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Tests.Shell;

public sealed class SlabCommandsTests
{
    private static Scenarios.Shell.Shell Lab() => new(Machine.Boot(new MachineSpec(1L << 20, 2), 3), ShellMode.Lab);

    [Theory]
    [InlineData(1152 / 1024.0, 2, "1.12")]
    [InlineData(640 / 1024.0, 2, "0.62")]
    [InlineData(192 / 1024.0, 2, "0.19")]
    [InlineData(0.15, 1, "0.1")]
    [InlineData(100.0, 1, "100.0")]
    [InlineData(96.94, 1, "96.9")]
    public void Fixed_GlibcRounding_TiesToEvenOnExactBinaryValue(double value, int decimals, string expected) =>
        Assert.Equal(expected, CPrintf.Fixed(value, decimals));

    [Fact]
    public void Slabtop_Once_PrintsProcpsSummaryAndHeader()
    {
        string[] lines = Lab().Run("slabtop -o").Stdout.Split('\n');
        Assert.Matches(@"^ Active / Total Objects \(% used\)    : \d+ / \d+ \(\d+\.\d%\)$", lines[0]);
        Assert.Matches(@"^ Active / Total Slabs \(% used\)      : (\d+) / \1 \(100\.0%\)$", lines[1]);
        Assert.Matches(@"^ Active / Total Caches \(% used\)     : \d+ / 235 \(\d+\.\d%\)$", lines[2]);
        Assert.Matches(@"^ Active / Total Size \(% used\)       : \d+\.\d\dK / \d+\.\d\dK \(\d+\.\d%\)$", lines[3]);
        Assert.Matches(@"^ Minimum / Average / Maximum Object : 0\.01K / \d\.\d\dK / 50\.28K$", lines[4]);
        Assert.Equal("", lines[5]);
        Assert.Equal("  OBJS ACTIVE  USE OBJ SIZE  SLABS OBJ/SLAB CACHE SIZE NAME                   ", lines[6]);
    }

    [Fact]
    public void Slabtop_DefaultSort_IsObjectsDescending()
    {
        var rows = Lab().Run("slabtop -o").Stdout.Split('\n').Skip(7).Where(l => l.Length > 0).ToList();
        Assert.Equal(235, rows.Count);
        long[] objs = [.. rows.Select(r => long.Parse(r[..6].Trim()))];
        Assert.Equal(objs.OrderByDescending(x => x), objs);
        Assert.Matches(@"^ {0,5}\d+ {1,6}\d+ {0,2}\d+% {2,}\d+\.\d\dK {1,6}\d+ {1,8}\d+ {1,9}\d+K \S+ *$", rows[0]);
    }

    [Fact]
    public void Slabtop_BadSort_ExplainsLikeProcps()
    {
        ShellResult r = Lab().Run("slabtop -o -s x");
        Assert.False(r.Succeeded);
        Assert.StartsWith("slabtop: invalid sort criteria: x", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CatSysSlab_AliasAndAttribute_ReadsMergedCache()
    {
        var lab = Lab();
        Assert.Equal("16\n", lab.Run("cat /sys/kernel/slab/kmalloc-1k/objs_per_slab").Stdout);
        Assert.Equal("192\n", lab.Run("cat /sys/kernel/slab/inet_peer/slab_size").Stdout);
        Assert.Equal("5888\n", lab.Run("cat /sys/kernel/slab/task_struct/slab_size").Stdout);
        Assert.StartsWith("slabinfo - version: 2.1\n# name            <active_objs>", lab.Run("cat /proc/slabinfo").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void KmallocThenKfree_PrintsCacheSlabAndFreesOnce()
    {
        var lab = Lab();
        ShellResult r = lab.Run("kmalloc 100");
        Match m = Regex.Match(r.Stdout, @"kmalloc\(100\) = (0xffff888[0-9a-f]{9}) \(kmalloc-128, slab pfn \d+, object \d+ of 32\)\n$");
        Assert.True(m.Success, r.Stdout);
        Assert.True(lab.Run("kfree " + m.Groups[1].Value).Succeeded);
        ShellResult again = lab.Run("kfree " + m.Groups[1].Value);
        Assert.False(again.Succeeded);
        Assert.Contains("double free", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Kmalloc_AboveMaxSize_FailsWithReason()
    {
        ShellResult r = Lab().Run("kmalloc 5M");
        Assert.False(r.Succeeded);
        Assert.Contains("KMALLOC_MAX_SIZE", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Vmalloc16k_ShowsInVmallocinfoAndVfreeLeavesUnpurgedRange()
    {
        var lab = Lab();
        Match m = Regex.Match(lab.Run("vmalloc 16k").Stdout, @"= (0xffffc9[0-9a-f]{10}) \(4 pages \+ guard page, area 20480 bytes");
        Assert.True(m.Success);
        Assert.Matches(m.Groups[1].Value + @"-0x[0-9a-f]{16}   20480 lab_vmalloc\+0x1d/0x40 pages=4 vmalloc N0=4\n", lab.Run("cat /proc/vmallocinfo").Stdout);
        Assert.True(lab.Run("vfree " + m.Groups[1].Value).Succeeded);
        Assert.Matches(m.Groups[1].Value + @"-0x[0-9a-f]{16}   20480 unpurged vm_area\n", lab.Run("cat /proc/vmallocinfo").Stdout);
        Assert.False(lab.Run("vfree " + m.Groups[1].Value).Succeeded);
    }

    [Fact]
    public void EchoShrink_AfterFreeingEverything_ReturnsEmptySlabs()
    {
        var lab = Lab();
        long initial = long.Parse(lab.Run("cat /sys/kernel/slab/kmalloc-cg-1k/slabs").Stdout.Split(' ')[0]);
        string[] addresses = [.. Regex.Matches(lab.Run("kmalloc 1000 300 --cache kmalloc-cg-1k").Stdout, @"= (0x[0-9a-f]{16})").Select(m => m.Groups[1].Value)];
        Assert.Equal(300, addresses.Length);
        long before = long.Parse(lab.Run("cat /sys/kernel/slab/kmalloc-cg-1k/slabs").Stdout.Split(' ')[0]);
        foreach (string a in addresses) Assert.True(lab.Run("kfree " + a).Succeeded);
        Assert.True(lab.Run("echo 1 > /sys/kernel/slab/kmalloc-cg-1k/shrink").Succeeded);
        long after = long.Parse(lab.Run("cat /sys/kernel/slab/kmalloc-cg-1k/slabs").Stdout.Split(' ')[0]);
        Assert.True(before > initial, $"{initial} slabs at boot, {before} with 300 more objects");
        Assert.True(after <= initial, $"{initial} slabs at boot, {before} before the shrink, {after} after");
        Assert.False(lab.Run("echo 2 > /sys/kernel/slab/kmalloc-cg-1k/shrink").Succeeded);
    }
}
