// systemd's ActiveState for a unit, as `systemctl status` prints it.
namespace MemQuest.Scenarios.Services;

public enum UnitState
{
    Active,
    Activating,
    Inactive,
    Failed,
}
