// One problem in a content file, in compiler style: "file:line:col: what is wrong, what to do".
using MemQuest.Scenarios.Model;

namespace MemQuest.Scenarios.Content;

public sealed record ContentError(string File, int Line, int Column, string Message)
{
    public static ContentError At(SourcePos pos, string message) => new(pos.File, pos.Line, pos.Column, message);

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
