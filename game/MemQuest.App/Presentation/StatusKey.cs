// One entry of a screen's status bar: the key as the player presses it and what it does.
namespace MemQuest.App.Presentation;

public sealed record StatusKey(string Key, string Label);
