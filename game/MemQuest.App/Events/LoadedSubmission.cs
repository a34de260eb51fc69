// A submission file that parsed and whose ticket verified, with its file name (for reports and
// for a deterministic order).
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public sealed record LoadedSubmission(string File, Submission Submission);
