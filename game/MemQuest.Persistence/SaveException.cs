namespace MemQuest.Persistence;

/// <summary>A save operation failed; the message is written for the player (what is wrong, what to do).</summary>
public sealed class SaveException : Exception
{
    public SaveException(string message) : base(message) { }
    public SaveException(string message, Exception inner) : base(message, inner) { }
}
