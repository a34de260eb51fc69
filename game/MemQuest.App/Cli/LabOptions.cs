// The flags of `memquest lab`, parsed and checked.

namespace MemQuest.App.Cli;

public sealed record LabOptions(long MemBytes, int Cpus, long SwapBytes, ulong Seed, bool KeepGoing, string? Script);
