// A loaded kernel module and the buffer its init allocated (a kmalloc object or a vmalloc area).
namespace MemQuest.Scenarios.Services;

public sealed record LoadedModule(string Name, string BufAlloc, long BufferKb, long Handle, long LoadedAtTick);
