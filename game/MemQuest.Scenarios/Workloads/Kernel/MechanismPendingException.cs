// Thrown by an engine seam whose kernel mechanism is not in this engine build yet. Sessions never
// reach it: Session.Start refuses a scenario whose needs are not all available, and says which.
namespace MemQuest.Scenarios.Workloads.Kernel;

public sealed class MechanismPendingException(Mechanism mechanism, string branch)
    : NotImplementedException($"{mechanism} is not in this engine build yet (it comes with the '{branch}' work)")
{
    public Mechanism Mechanism { get; } = mechanism;
}
