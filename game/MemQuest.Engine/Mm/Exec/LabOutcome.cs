// How a lab process's start or growth ended: the process (null if it never started), the first
// mapping's address, and what went wrong as the real program would experience it.
namespace MemQuest.Engine.Mm.Exec;

public sealed record LabOutcome(Process? Process, long FirstMappingAddress, LabFailure Failure, long TouchedBytes);
