// Models the errno values the simulated syscalls return (include/uapi/asm-generic/errno-base.h),
// with the strerror text bash and the tools print.
namespace MemQuest.Engine.Sysctl;

public enum Errno
{
    Ok = 0,
    EPERM = 1,
    ENOENT = 2,
    ESRCH = 3,
    EBADF = 9,
    ENOMEM = 12,
    EACCES = 13,
    EBUSY = 16,
    EEXIST = 17,
    ENOTDIR = 20,
    EISDIR = 21,
    EINVAL = 22,
    ENOSPC = 28,
    ERANGE = 34,
}
