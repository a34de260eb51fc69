// What the lab says when the box could not give a faulting process a page (the kernel would run
// the OOM killer or send SIGBUS; neither is in this build).
namespace MemQuest.Scenarios.Shell.Commands.Tasks;

public static class Messages
{
    public const string PageAllocFailed = "page allocation failed; the OOM killer is not in this build\n";
}
