// Where an incident stands: still running, won, or lost (with the judge's reasons).

namespace MemQuest.Scenarios.Play;

public enum SessionStatus
{
    Running,
    Won,
    Lost,
}
