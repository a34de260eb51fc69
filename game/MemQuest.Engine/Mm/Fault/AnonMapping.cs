// One place an anonymous page is mapped: the process and the virtual address (a reverse-map hit,
// what rmap_walk_anon visits, mm/rmap.c).
namespace MemQuest.Engine.Mm.Fault;

public sealed record AnonMapping(Process Process, long VirtualAddress);
