using MemQuest.Scenarios.Content;
using MemQuest.Scenarios.Play;

namespace MemQuest.Scenarios.Tests.Play;

public sealed class SmokeTests
{
    [Fact]
    public void Smoke()
    {
        var r = ContentLoader.Load(TestContentRoot.Test);
        Assert.Empty(r.Errors.Select(e => e.ToString()));
        var s = r.Catalog["netcap-buffer"];
        var outcome = Replayer.Run(s, Replayer.ParLog(s, r.Catalog.Digest));
        foreach (var t in outcome.Transcript) Console.WriteLine($"{t.Tick} $ {t.Line}\n{t.Output}");
        Assert.Equal(SessionStatus.Won, outcome.Status);
    }
}
