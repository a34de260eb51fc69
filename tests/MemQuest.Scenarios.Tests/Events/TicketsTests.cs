using MemQuest.Scenarios.Events;

namespace MemQuest.Scenarios.Tests.Events;

public sealed class TicketsTests
{
    private static readonly EventSecret Secret = EventSecret.Parse(new string('a', 64), out _)!;
    private static readonly EventDefinition Event = EventFileTests.Sample;

    [Fact]
    public void Ticket_Issued_VerifiesAndRoundTrips()
    {
        Ticket t = Tickets.Issue(Secret, Event, "Ada Lovelace", "red", "junior");
        Ticket? read = TicketFile.Read(TicketFile.Write(t), out string? error);
        Assert.Null(error);
        Assert.Null(Tickets.Verify(Secret, Event, read!));
        Assert.Equal(t.Signature, read!.Signature);
    }

    [Fact]
    public void SeedVariant_TwoPlayersOrTwoIncidents_DifferentSeeds()
    {
        ulong a = SeedVariant.Derive(Secret, Event.Id, "Ada", "netcap-buffer");
        Assert.NotEqual(a, SeedVariant.Derive(Secret, Event.Id, "Bob", "netcap-buffer"));
        Assert.NotEqual(a, SeedVariant.Derive(Secret, Event.Id, "Ada", "billing-oom"));
        Assert.Equal(a, SeedVariant.Derive(Secret, Event.Id, "Ada", "netcap-buffer"));
    }

    [Fact]
    public void Ticket_EditedTeam_SignatureFails()
    {
        Ticket t = Tickets.Issue(Secret, Event, "Ada", "red", "junior") with { Team = "blue" };
        Assert.Contains("signature does not match", Tickets.Verify(Secret, Event, t));
    }

    [Fact]
    public void Ticket_CarriesTheEventsRules_ThroughTheFile()
    {
        Ticket? read = TicketFile.Read(TicketFile.Write(Tickets.Issue(Secret, Event, "Ada", "red", "junior")), out string? error);
        Assert.Null(error);
        Assert.Equal(Event.Rules, read!.Rules);
    }

    [Theory]
    [InlineData("attempts")]
    [InlineData("hintCost")]
    [InlineData("start")]
    [InlineData("end")]
    [InlineData("hints")]
    public void Ticket_EditedRule_SignatureFails(string rule)
    {
        Ticket t = Tickets.Issue(Secret, Event, "Ada", "red", "junior");
        EventRules r = t.Rules;
        EventRules edited = rule switch
        {
            "attempts" => r with { Attempts = r.Attempts + 10 },
            "hintCost" => r with { HintCostPercent = 0 },
            "start" => r with { StartUtc = r.StartUtc.AddDays(-1) },
            "end" => r with { EndUtc = r.EndUtc.AddDays(1) },
            _ => r with { HintsAllowed = !r.HintsAllowed },
        };
        // Edited in the file, as a player would: the file still reads, the signature no longer matches.
        Ticket? read = TicketFile.Read(TicketFile.Write(t with { Rules = edited }), out string? error);
        Assert.Null(error);
        Assert.Contains("signature does not match", Tickets.Verify(Secret, Event, read!));
    }

    [Fact]
    public void TicketFile_OldFormatWithoutTheRules_SaysToAskForANewTicket()
    {
        const string old = """
            {"format":"memquest-ticket/1","eventId":"team-day","player":"Ada","team":"red","bracket":"junior",
             "seeds":[{"incident":"netcap-buffer","seed":1}],"hints":false,"endUtc":"2026-11-24T15:00:00Z","signature":"0000000000000000000000000000000000000000000000000000000000000000"}
            """;
        Assert.Null(TicketFile.Read(old, out string? error));
        Assert.Contains("ask the organiser for a new ticket", error);
    }

    [Fact]
    public void Ticket_OtherSecret_SignatureFails()
    {
        Ticket t = Tickets.Issue(EventSecret.Generate(), Event, "Ada", "red", "junior");
        Assert.Contains("signature does not match", Tickets.Verify(Secret, Event, t));
    }

    [Fact]
    public void TicketFile_ExtraMember_Rejected()
    {
        string json = TicketFile.Write(Tickets.Issue(Secret, Event, "Ada", "red", "junior")).Replace("\"player\":", "\"admin\": true, \"player\":");
        Assert.Null(TicketFile.Read(json, out string? error));
        Assert.Contains("not a valid ticket", error);
    }

    [Fact]
    public void TicketFile_RepeatedMember_Rejected()
    {
        string json = TicketFile.Write(Tickets.Issue(Secret, Event, "Ada", "red", "junior")).Replace("\"player\":", "\"player\": \"Bob\", \"player\":");
        Assert.Null(TicketFile.Read(json, out string? error));
        Assert.Contains("not a valid ticket", error);
    }

    [Fact]
    public void EventSecret_NotHex_Rejected()
    {
        Assert.Null(EventSecret.Parse("xyz", out string? error));
        Assert.Contains("64 hex digits", error);
    }
}
