using MemQuest.App.Presentation;

namespace MemQuest.App.Tests.Presentation;

public sealed class TitleMenuTests
{
    [Fact]
    public void For_NoCampaign_ContinueAndCampaignSayWhyTheyAreUnavailable()
    {
        TitleMenu menu = TitleMenu.For("No incidents are installed.", null, sixteenColors: false);
        Assert.Equal([TitleChoice.Continue, TitleChoice.Campaign, TitleChoice.Lab, TitleChoice.Tutorial, TitleChoice.Settings, TitleChoice.Quit], menu.Entries.Select(e => e.Choice));
        Assert.NotNull(menu.Entries[1].Unavailable);
        Assert.Null(menu.Entries[2].Unavailable);
        Assert.StartsWith("· ", menu.Labels[0]);
    }

    [Fact]
    public void For_SixteenColours_SettingsShowsTheCurrentMode() =>
        Assert.Contains("colours 16", TitleMenu.For(null, null, sixteenColors: true).Labels[4]);

    [Fact]
    public void For_Tutorial_AvailableOnlyWhenTheContentHasOne()
    {
        TitleMenu.Entry without = TitleMenu.For(null, null, false).Entries.Single(e => e.Choice == TitleChoice.Tutorial);
        TitleMenu.Entry with = TitleMenu.For(null, null, false, tutorialUnavailable: null).Entries.Single(e => e.Choice == TitleChoice.Tutorial);
        Assert.Equal(TitleMenu.NoTutorial, without.Unavailable);
        Assert.Null(with.Unavailable);
        Assert.Equal("Tutorial: a guided first incident", with.Label);
    }

    [Fact]
    public void WithEventsAndProfile_EventsFollowCampaign_ProfileBeforeSettings()
    {
        TitleMenu menu = TitleMenu.For(null, null, sixteenColors: false).WithEvents([("day", "Event: day"), ("cohort", "Event: cohort")]).WithProfile("Profile: Ada");
        Assert.Equal([TitleChoice.Continue, TitleChoice.Campaign, TitleChoice.Event, TitleChoice.Event, TitleChoice.Lab, TitleChoice.Tutorial, TitleChoice.Profile, TitleChoice.Settings, TitleChoice.Quit],
            menu.Entries.Select(e => e.Choice));
        Assert.Equal(["day", "cohort"], menu.Entries.Where(e => e.Choice == TitleChoice.Event).Select(e => e.Argument));
        Assert.Equal("  Profile: Ada", menu.Labels[6]);
    }

    [Fact]
    public void HelpLines_LabKeys_ListEveryStatusKey()
    {
        IReadOnlyList<string> help = StatusKeys.HelpLines(StatusKeys.Lab);
        foreach (StatusKey k in StatusKeys.Lab) Assert.Contains(help, l => l.StartsWith(k.Key, StringComparison.Ordinal));
    }
}
