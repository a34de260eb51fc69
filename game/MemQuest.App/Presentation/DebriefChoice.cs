// Where the player goes from the debrief.
namespace MemQuest.App.Presentation;

public enum DebriefChoice
{
    Campaign,
    Retry,
    Next,
}
