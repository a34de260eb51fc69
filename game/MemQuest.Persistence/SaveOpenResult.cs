namespace MemQuest.Persistence;

/// <summary>
/// The outcome of opening or recovering the save. <see cref="Message"/> is for the player: what
/// happened and what they can do. <see cref="AsideCopyPath"/> is where a damaged file was copied.
/// </summary>
public sealed record SaveOpenResult(SaveOpenStatus Status, SaveStore? Store, string Message, string? AsideCopyPath = null)
{
    public bool IsOpen => Store is not null;
}
