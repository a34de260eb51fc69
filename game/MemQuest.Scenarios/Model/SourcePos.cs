// Where a piece of content came from (file, 1-based line and column), so that every lint message
// can point at it the way a compiler does: "file:line:col: what is wrong, what to do".

namespace MemQuest.Scenarios.Model;

public sealed record SourcePos(string File, int Line, int Column)
{
    public static readonly SourcePos None = new("", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
