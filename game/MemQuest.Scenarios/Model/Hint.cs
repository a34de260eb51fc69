// One stage of a staged hint and what it costs against this incident's score.

namespace MemQuest.Scenarios.Model;

public sealed record Hint(string Text, int Cost, SourcePos Pos);
