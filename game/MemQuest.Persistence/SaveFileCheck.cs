namespace MemQuest.Persistence;

/// <summary>The result of <see cref="SaveFileGuard.Inspect"/>: the problem and a plain-words reason.</summary>
public sealed record SaveFileCheck(SaveFileProblem Problem, string Reason)
{
    public static SaveFileCheck Fine { get; } = new(SaveFileProblem.None, "");
    public bool IsFine => Problem == SaveFileProblem.None;
}
