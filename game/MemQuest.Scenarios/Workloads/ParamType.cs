// The type of a workload parameter, which fixes how content writes it: sizes take k/M/G suffixes
// and end up in kB; counts and ticks are whole numbers; flags are on/off; choices are listed words.
namespace MemQuest.Scenarios.Workloads;

public enum ParamType
{
    SizeKb,
    Count,
    Ticks,
    Flag,
    Choice,
    Text,
}
