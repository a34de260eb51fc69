// One file the console can read or write: a /proc or /sys entry (rendered by the engine's Procfs
// code) or a file of the simulated filesystem. Reading or writing returns an errno like the syscall.
using MemQuest.Engine.Sysctl;

namespace MemQuest.Scenarios.Shell;

public sealed record VirtualFile(Func<string>? Read, Func<string, Errno>? Write = null)
{
    /// <summary>Errno of open(O_RDONLY): EACCES for write-only files such as drop_caches.</summary>
    public Errno OpenForRead => Read is null ? Errno.EACCES : Errno.Ok;

    /// <summary>Errno of open(O_WRONLY): EACCES for read-only files such as /proc/buddyinfo.</summary>
    public Errno OpenForWrite => Write is null ? Errno.EACCES : Errno.Ok;

    public static VirtualFile ReadOnly(Func<string> read) => new(read);
}
