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
    /// <summary>The player's profile: create, switch, reset, export, import (and repair a damaged save).</summary>
    Profile,
    /// <summary>A joined team event (its id is the entry's Argument).</summary>
    Event,
}
