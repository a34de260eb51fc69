// Which console this is: the lab (every command, including the situation-building helpers) or the
// game (what a real admin could type on the box, plus the game's service commands).
namespace MemQuest.Scenarios.Shell;

public enum ShellMode
{
    Lab,
    Game,
}
