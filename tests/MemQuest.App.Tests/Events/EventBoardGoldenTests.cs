// The golden event (three players, two teams, two brackets): the boards are exactly as expected,
// the HTML has the same rows, and judging is deterministic across runs and worker counts.
using System.Text.RegularExpressions;
using MemQuest.App.Events;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Tests.Events;

public sealed partial class EventBoardGoldenTests
{
    private const string ExpectedTable = """
        Golden day (golden-day)

        Players
        rank  player  team  bracket  bracket_rank  netcap-buffer  total  solve_s  commands  runs
        ----  ------  ----  -------  ------------  -------------  -----  -------  --------  ----
        1     Ada     red   junior   1             980            980    2.0      2         1
        2     Cy      blue  senior   1             883            883    30.0     2         1
        3     Bob     red   senior   2             0              0      0.0      0         2

        Teams
        rank  team  members  total
        ----  ----  -------  -----
        1     red   2        980
        2     blue  1        883

        First solves
        incident       first_solve  finished_utc
        -------------  -----------  --------------------
        netcap-buffer  Cy           2026-11-24T09:10:00Z

        """;

    private const string ExpectedMarkdown = """
        # Golden day (golden-day)

        ## Players

        | rank | player | team | bracket | bracket\_rank | netcap-buffer | total | solve\_s | commands | runs |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        | 1 | Ada | red | junior | 1 | 980 | 980 | 2.0 | 2 | 1 |
        | 2 | Cy | blue | senior | 1 | 883 | 883 | 30.0 | 2 | 1 |
        | 3 | Bob | red | senior | 2 | 0 | 0 | 0.0 | 0 | 2 |

        ## Teams

        | rank | team | members | total |
        | --- | --- | --- | --- |
        | 1 | red | 2 | 980 |
        | 2 | blue | 1 | 883 |

        ## First solves

        | incident | first\_solve | finished\_utc |
        | --- | --- | --- |
        | netcap-buffer | Cy | 2026-11-24T09:10:00Z |

        """;

    private const string ExpectedCsv = """
        kind,rank,player,team,bracket,bracket_rank,netcap-buffer,total,solve_s,commands,runs
        player,1,Ada,red,junior,1,980,980,2.0,2,1
        player,2,Cy,blue,senior,1,883,883,30.0,2,1
        player,3,Bob,red,senior,2,0,0,0.0,0,2
        kind,rank,team,members,total
        team,1,red,2,980
        team,2,blue,1,883

        """;

    private static Board Judge(EventFixture f, int jobs)
    {
        JudgeResult r = EventJudge.Judge(f.Event, f.Secret, EventFixture.Catalog, f.Submissions, jobs);
        return BoardBuilder.Build(f.Event, r.Entrants, r.Runs, r.Rejections, null);
    }

    [Fact]
    public void Board_GoldenEvent_TableMarkdownCsvExact()
    {
        using var f = new EventFixture();
        f.WriteGolden();
        Board b = Judge(f, 2);
        Assert.Equal(ExpectedTable, BoardText.Table(b));
        Assert.Equal(ExpectedMarkdown, BoardText.Markdown(b));
        Assert.Equal(ExpectedCsv, BoardText.Csv(b));
    }

    [Fact]
    public void Board_GoldenEvent_HtmlHasTheCsvRows()
    {
        using var f = new EventFixture();
        f.WriteGolden();
        string html = BoardHtml.Render(Judge(f, 2));
        var rows = RowPattern().Matches(html).Select(m => string.Join(",", CellPattern().Matches(m.Groups[2].Value).Select(c => c.Groups[1].Value))).ToList();
        var csvRows = ExpectedCsv.Split('\n').Where(l => l.StartsWith("player,", StringComparison.Ordinal) || l.StartsWith("team,", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(',') + 1)..]).ToList();
        Assert.Equal(csvRows, rows.Take(csvRows.Count));
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(1 + EventFixture.Scenario.Scoring.Metrics.Count, Regex.Count(html, "<svg "));
    }

    [Fact]
    public void Judge_SameFolderTwiceAndJobsOneOrTwo_SameBytes()
    {
        using var f = new EventFixture();
        f.WriteGolden();
        f.WriteText("junk.json", "{");
        Board one = Judge(f, 1), two = Judge(f, 2), again = Judge(f, 2);
        foreach (Func<Board, string> render in new Func<Board, string>[] { BoardText.Table, BoardText.Markdown, BoardText.Csv, BoardHtml.Render })
        {
            Assert.Equal(render(one), render(two));
            Assert.Equal(render(two), render(again));
        }
    }

    [GeneratedRegex("<tr class=\"(player|team)\">(.*?)</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>")]
    private static partial Regex CellPattern();
}
