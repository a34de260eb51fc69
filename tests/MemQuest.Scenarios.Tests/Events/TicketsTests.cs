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
