// A file or a run the judge did not count, by file name, with the reason.
namespace MemQuest.Scenarios.Events;

public sealed record Rejection(string File, string Reason)
{
    public override string ToString() => $"{File}: {Reason}";
}
