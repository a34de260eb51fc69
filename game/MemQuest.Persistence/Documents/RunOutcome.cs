namespace MemQuest.Persistence.Documents;

/// <summary>How a finished run ended (mapped from the Scenarios verdict).</summary>
public enum RunOutcome
{
    Lost = 0,
    Won = 1,
}
