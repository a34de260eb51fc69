// What the player can pick on the title screen.
namespace MemQuest.App.Presentation;

public enum TitleChoice
{
    Continue,
    Campaign,
    Lab,
    Tutorial,
    Settings,
    Quit,
}
