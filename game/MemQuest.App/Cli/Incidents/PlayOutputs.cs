// Files `memquest play` writes when the incident ends: the run file (--record) and the Markdown
// postmortem (--postmortem); null means "do not write".

namespace MemQuest.App.Cli.Incidents;

public sealed record PlayOutputs(string? RunFilePath = null, string? PostmortemPath = null);
