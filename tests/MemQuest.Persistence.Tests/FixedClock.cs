namespace MemQuest.Persistence.Tests;

/// <summary>A TimeProvider that returns a set time (advanced by hand).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
