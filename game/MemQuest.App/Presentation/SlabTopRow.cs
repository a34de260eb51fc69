// One line of the slab pane, as `slabtop -o` reports a cache.
namespace MemQuest.App.Presentation;

public sealed record SlabTopRow(string Name, long ActiveObjs, long Objs, long ObjSizeBytes, long CacheSizeKb);
