// How a team's score is made from its members' results (chosen by the organiser in the event file).
namespace MemQuest.Scenarios.Events;

public enum TeamScoring
{
    /// <summary>The sum of every member's total (each member's best per incident).</summary>
    SumOfMembersBest,
    /// <summary>Per incident, the best score any member reached; summed over incidents.</summary>
    BestPerIncident,
}
