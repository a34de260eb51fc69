// The allocation-site report behind heaptrack and valgrind: a workload's ledger joined with its
// content-declared sites (function, file:line), biggest holders first.
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads;
using MemQuest.Scenarios.Model.Box;

namespace MemQuest.Scenarios.Shell.Commands.Game;

internal static class HeapReport
{
    public sealed record Row(string Function, string Where, SiteTotals Totals, bool Leaks);

    public static IReadOnlyList<Row> Rows(WorkloadProcess p) =>
        p.Context.Ledger.Sites
            .Select(kv =>
            {
                AllocationSite? site = p.Workload.Sites.FirstOrDefault(s => s.Function == kv.Key);
                string where = site is null ? "in ?? (libc.so.6)" : $"in {site.File}:{site.Line}";
                return new Row(kv.Key, where, kv.Value, site?.Leaks ?? false);
            })
            .OrderByDescending(r => r.Totals.HeldBytes).ThenBy(r => r.Function, StringComparer.Ordinal).ToList();

    /// <summary>The process a tool is pointed at by pid, unit or program name; null if none.</summary>
    public static WorkloadProcess? Target(ServiceTable services, string word) =>
        int.TryParse(word, out int pid) ? services.FindByPid(pid) : services.Find(Path.GetFileName(word));

    public static string Bytes(long b) =>
        b >= 1L << 30 ? $"{b / (double)(1L << 30):F2}G" : b >= 1L << 20 ? $"{b / (double)(1L << 20):F2}M" : b >= 1024 ? $"{b / 1024.0:F2}K" : $"{b}B";
}
