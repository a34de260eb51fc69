// One point of the live graph: the tick it was taken at and one value per series.
namespace MemQuest.App.Presentation;

public sealed record GraphSample(long Tick, IReadOnlyList<long> Values);
