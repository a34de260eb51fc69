using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class TextReflowTests
{
    // A YAML block scalar as content authors write it: hard breaks at their editor's width.
    private const string Briefing =
        "03:12 - billing-api restarted 4 times in 10 minutes, and at 02:41 the OOM killer took postgres\n" +
        "down with it. Billing is back,\n" +
        "memory is climbing again.\n" +
        "\n" +
        "What must hold:\n" +
        "- postgres stays up and keeps its\n" +
        "  buffer pool\n" +
        "- no OOM kill\n" +
        "Then the rest.\n";

    [Fact]
    public void Reflow_JoinsAParagraphsLines_AndWrapsAtWordBoundaries()
    {
        IReadOnlyList<string> rows = TextReflow.Reflow(Briefing, 40);
        Assert.Equal(
        [
            "03:12 - billing-api restarted 4 times in",
            "10 minutes, and at 02:41 the OOM killer",
            "took postgres down with it. Billing is",
            "back, memory is climbing again.",
            "",
            "What must hold:",
            "- postgres stays up and keeps its buffer",
            "  pool",
            "- no OOM kill",
            "Then the rest.",
        ], rows);
        Assert.All(rows, r => Assert.True(r.Length <= 40, r));
    }

    [Fact]
    public void Reflow_Wide_OneRowPerParagraphAndListItem()
    {
        IReadOnlyList<string> rows = TextReflow.Reflow(Briefing, 200);
        Assert.Equal(5, rows.Count(r => r.Length > 0));
        Assert.Equal("- postgres stays up and keeps its buffer pool", rows[3]);
    }

    [Fact]
    public void Reflow_KeepsPreformattedLines_AndCutsAWordLongerThanARow()
    {
        Assert.Equal(["$ cat /proc/buddyinfo", "    Node 0, zone   Normal", "abcdefgh", "ij ok"],
            TextReflow.Reflow("$ cat /proc/buddyinfo\n    Node 0, zone   Normal\nabcdefghij ok", 8));
    }

    [Fact]
    public void Wrap_NumberedItem_HangsUnderItsText()
    {
        Assert.Equal(["1. one two", "   three"], TextReflow.Reflow("1. one two three", 10));
    }
}
