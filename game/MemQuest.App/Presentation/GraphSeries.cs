// A line of the live graph: its name, its scale (values are drawn from 0 to Max) and how a value reads.
namespace MemQuest.App.Presentation;

public sealed record GraphSeries(string Name, long Max, Func<long, string> Format);
