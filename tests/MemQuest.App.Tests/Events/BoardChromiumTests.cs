// The golden board.html as a real browser sees it: Debian's chromium (installed by .ci/run) loads
// the file headless and dumps the DOM; every player and team row and every histogram is there.
// Without chromium this test fails and says how to install it.
using System.Diagnostics;
using System.Text.RegularExpressions;
using MemQuest.App.Events;
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Tests.Events;

public sealed partial class BoardChromiumTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public void BoardHtml_GoldenEventInChromium_DomHasEveryRowAndHistogram()
    {
        string? chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Assert.True(chromium is not null, "chromium is not installed: .ci/run installs it (apt-get install -y chromium)");
        using var f = new EventFixture();
        f.WriteGolden();
        JudgeResult r = EventJudge.Judge(f.Event, f.Secret, EventFixture.Catalog, f.Submissions, 2);
        Board board = BoardBuilder.Build(f.Event, r.Entrants, r.Runs, r.Rejections, null);
        string html = Path.Combine(f.Root, "board.html");
        File.WriteAllText(html, BoardHtml.Render(board));
        string dom = DumpDom(chromium!, html, Path.Combine(f.Root, "chromium-profile"));
        var rows = RowPattern().Matches(dom).Select(m => string.Join(",", CellPattern().Matches(m.Groups[1].Value).Select(c => c.Groups[1].Value))).ToList();
        var expected = BoardText.Csv(board).Split('\n').Where(l => l.StartsWith("player,", StringComparison.Ordinal) || l.StartsWith("team,", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(',') + 1)..]).ToList();
        Assert.Equal(expected, rows);
        Assert.Equal(board.Spreads.Count, Regex.Count(dom, "<svg "));
    }

    private static string DumpDom(string chromium, string html, string profile)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--dump-dom", new Uri(html).AbsoluteUri })
            start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Limit)) { p.Kill(entireProcessTree: true); Assert.Fail($"chromium did not finish within {Limit.TotalSeconds} s"); }
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"chromium exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex("<tr class=\"(?:player|team)\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
