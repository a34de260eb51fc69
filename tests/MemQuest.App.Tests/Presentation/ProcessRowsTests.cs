using MemQuest.App.Presentation;
using MemQuest.Engine.Mm;

namespace MemQuest.App.Tests.Presentation;

public sealed class ProcessRowsTests
{
    [Fact]
    public void From_MixedTasks_UserProcessesInPidOrderWithRssInKb()
    {
        Process[] tasks =
        [
            new(300, "postgres", 1, new MmStruct { RssAnonPages = 100, RssFilePages = 20, RssShmemPages = 5 }) { OomScoreAdj = -500 },
            new(2, "kthreadd", 0, null),
            new(120, "nginx", 1, new MmStruct { RssAnonPages = 1 }),
        ];
        IReadOnlyList<ProcessRow> rows = ProcessRows.From(tasks, p => p.Pid == 300 ? 17 : null);
        Assert.Equal([new ProcessRow(120, "nginx", 4, 0, null), new ProcessRow(300, "postgres", 500, -500, 17)], rows);
    }

    [Fact]
    public void Line_Row_AlignsUnderHeader()
    {
        string line = ProcessRows.Line(new ProcessRow(4242, "billing-api", 1L << 20, 1000, 1333));
        Assert.Equal(ProcessRows.Header.Length, line.Length);
        Assert.Equal("   4242 billing-api        1.0Gi   1000   1333", line);
        Assert.EndsWith("     -", ProcessRows.Line(new ProcessRow(1, "init", 0, 0, null)));
    }
}
