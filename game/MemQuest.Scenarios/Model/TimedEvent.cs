// Something the scenario does to the box at a tick (before that tick's step): a traffic spike on a
// service, a console line run as the system (cron, a deploy), a module loaded by a deploy.

namespace MemQuest.Scenarios.Model;

public sealed record TimedEvent(long AtTick, string Action, string Target, string Value, SourcePos Pos);
