// Models enum lru_list (include/linux/mmzone.h), kernel-spec §11.
namespace MemQuest.Engine.Reclaim;

public enum LruList
{
    InactiveAnon = 0,
    ActiveAnon = 1,
    InactiveFile = 2,
    ActiveFile = 3,
    Unevictable = 4,
}
