// A clock that always says the same time (for the event window and the debrief lock).
namespace MemQuest.App.Tests.Events;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
