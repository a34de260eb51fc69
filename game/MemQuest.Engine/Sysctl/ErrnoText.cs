// Models strerror() texts (glibc) for the errno values the engine returns.
namespace MemQuest.Engine.Sysctl;

public static class ErrnoText
{
    public static string Of(Errno e) => e switch
    {
        Errno.Ok => "Success",
        Errno.EPERM => "Operation not permitted",
        Errno.ENOENT => "No such file or directory",
        Errno.ESRCH => "No such process",
        Errno.EBADF => "Bad file descriptor",
        Errno.ENOMEM => "Cannot allocate memory",
        Errno.EACCES => "Permission denied",
        Errno.EBUSY => "Device or resource busy",
        Errno.EEXIST => "File exists",
        Errno.ENOTDIR => "Not a directory",
        Errno.EISDIR => "Is a directory",
        Errno.EINVAL => "Invalid argument",
        Errno.ENOSPC => "No space left on device",
        Errno.ERANGE => "Numerical result out of range",
        _ => $"Unknown error {(int)e}",
    };
}
