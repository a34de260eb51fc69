// Models enum memcg_memory_event (include/linux/memcontrol.h): the memory.events keys, in the
// order the file prints them.
namespace MemQuest.Engine.Memcg;

public enum MemcgEvent
{
    Low,
    High,
    Max,
    Oom,
    OomKill,
    OomGroupKill,
}
