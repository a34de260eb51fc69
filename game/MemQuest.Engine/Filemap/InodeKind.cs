// Models the S_IFMT file types the simulated filesystem has (include/uapi/linux/stat.h), plus the
// block device whose page cache is "Buffers" in /proc/meminfo (kernel-spec §11, §15.2).
namespace MemQuest.Engine.Filemap;

public enum InodeKind
{
    Regular = 0,
    Directory = 1,
    BlockDevice = 2,
}
