// The result of pressing Tab: the new input line and, when several candidates remain, the list to show.
namespace MemQuest.App.Presentation;

public sealed record Completion(string Line, IReadOnlyList<string> Candidates);
