// Where a moment lies against an event's UTC window.
namespace MemQuest.Scenarios.Events;

public enum EventWindow
{
    NotOpen,
    Open,
    Closed,
}
