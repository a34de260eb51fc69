// The panes of the lab and incident screens.
namespace MemQuest.App.Presentation;

public enum Pane
{
    MemoryBar,
    Processes,
    Buddy,
    Slab,
    Graph,
    KernelLog,
    Console,
    Objectives,
}
