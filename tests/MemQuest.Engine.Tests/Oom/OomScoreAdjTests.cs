using MemQuest.Engine.Mm;
using MemQuest.Engine.Oom;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Oom;

public sealed class OomScoreAdjTests
{
    private static Process Task(short adj = 0) => new(4242, "app", 1, new MmStruct()) { OomScoreAdj = adj };

    [Theory]                       // kernel-spec §19 fact 57
    [InlineData("1001\n")]
    [InlineData("-1001\n")]
    [InlineData("abc\n")]
    [InlineData("\n")]
    [InlineData("12abc")]
    [InlineData("0x")]
    [InlineData("08")]
    [InlineData("- 5")]
    [InlineData("+-5")]
    public void WriteOomScoreAdj_Fact57_BadValue_EinvalAndUnchanged(string text)
    {
        Process p = Task(7);
        Assert.Equal(Errno.EINVAL, OomScoreAdj.WriteOomScoreAdj(p, text, capSysResource: true));
        Assert.Equal(7, p.OomScoreAdj);
    }

    [Theory]                       // kernel-spec §19 fact 57 and §14.7 (base 0, white space stripped)
    [InlineData("0x10\n", 16)]
    [InlineData("  -500  \n", -500)]
    [InlineData("+300", 300)]
    [InlineData("010", 8)]
    [InlineData("-0x3e8", -1000)]
    [InlineData("1000", 1000)]
    public void WriteOomScoreAdj_Fact57_Base0Parsing(string text, short expected)
    {
        Process p = Task();
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomScoreAdj(p, text, capSysResource: true));
        Assert.Equal(expected, p.OomScoreAdj);
        Assert.Equal(expected + "\n", OomScoreAdj.ReadOomScoreAdj(p));
    }

    [Fact]
    public void WriteOomScoreAdj_BeyondInt_Erange() =>
        Assert.Equal(Errno.ERANGE, OomScoreAdj.WriteOomScoreAdj(Task(), "99999999999\n", true));

    [Fact]                         // PROC_NUMBUF: only the first 12 bytes are read
    public void WriteOomScoreAdj_LongerThan12Bytes_ReadsOnlyThePrefix()
    {
        Process p = Task(5);
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomScoreAdj(p, "0000000000001000\n", true));
        Assert.Equal(0, p.OomScoreAdj);
    }

    [Fact]                         // kernel-spec §19 fact 58
    public void WriteOomScoreAdj_Fact58_UnprivilegedCannotGoBelowMin()
    {
        Process p = Task();
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomScoreAdj(p, "500", capSysResource: false));
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomScoreAdj(p, "400", capSysResource: false));
        Assert.Equal(Errno.EACCES, OomScoreAdj.WriteOomScoreAdj(p, "-1", capSysResource: false));
        Assert.Equal(400, p.OomScoreAdj);
        Assert.Equal(0, p.OomScoreAdjMin);
    }

    [Fact]                         // kernel-spec §14.7: CAP_SYS_RESOURCE also moves oom_score_adj_min
    public void WriteOomScoreAdj_Privileged_SetsMinToo()
    {
        Process p = Task();
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomScoreAdj(p, "-800", capSysResource: true));
        Assert.Equal(-800, p.OomScoreAdjMin);
        Assert.Equal(Errno.EACCES, OomScoreAdj.WriteOomScoreAdj(p, "-900", capSysResource: false));
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomScoreAdj(p, "-700", capSysResource: false));
        Assert.Equal(-700, p.OomScoreAdj);
    }

    [Theory]                       // kernel-spec §19 fact 59
    [InlineData("8", 470, "7\n")]
    [InlineData("15", 1000, "15\n")]
    [InlineData("-17", -1000, "-17\n")]
    [InlineData("-16", -941, "-15\n")]   // -941*17/1000 truncates to -15
    [InlineData("0x3", 176, "2\n")]
    public void WriteOomAdj_Fact59_ScalesToOomScoreAdj(string text, short scoreAdj, string readBack)
    {
        Process p = Task();
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomAdj(p, text, capSysResource: true, out bool warn));
        Assert.True(warn);
        Assert.Equal(scoreAdj, p.OomScoreAdj);
        Assert.Equal(readBack, OomScoreAdj.ReadOomAdj(p));
        Assert.Equal(0, p.OomScoreAdjMin);    // legacy writes never move the floor
    }

    [Theory]                       // kernel-spec §19 fact 59: outside -16..15 and not -17
    [InlineData("16")]
    [InlineData("-18")]
    [InlineData("x")]
    public void WriteOomAdj_Fact59_OutOfRange_Einval(string text)
    {
        Process p = Task();
        Assert.Equal(Errno.EINVAL, OomScoreAdj.WriteOomAdj(p, text, true, out bool warn));
        Assert.False(warn);
        Assert.Equal(0, p.OomScoreAdj);
    }

    [Fact]                         // kernel-spec §14.7: legacy writes need CAP_SYS_RESOURCE to go below the current value
    public void WriteOomAdj_BelowCurrentWithoutCap_Eacces()
    {
        Process p = Task(500);
        Assert.Equal(Errno.EACCES, OomScoreAdj.WriteOomAdj(p, "5", capSysResource: false, out _));
        Assert.Equal(Errno.Ok, OomScoreAdj.WriteOomAdj(p, "10", capSysResource: false, out _));
        Assert.Equal(588, p.OomScoreAdj);
    }

    [Theory]                       // kernel-spec §19 fact 60 and §14.7 read examples
    [InlineData(500, "8\n")]
    [InlineData(-1000, "-17\n")]
    [InlineData(470, "7\n")]
    [InlineData(16, "0\n")]
    [InlineData(1000, "15\n")]
    [InlineData(999, "15\n")]
    [InlineData(-941, "-15\n")]
    public void ReadOomAdj_Fact60_ScalesBack(short scoreAdj, string expected) =>
        Assert.Equal(expected, OomScoreAdj.ReadOomAdj(Task(scoreAdj)));

    [Fact]
    public void DeprecationLine_KernelText() =>
        Assert.Equal("bash (4537): /proc/4242/oom_adj is deprecated, please use /proc/4242/oom_score_adj instead.",
            OomScoreAdj.DeprecationLine("bash", 4537, 4242));
}
