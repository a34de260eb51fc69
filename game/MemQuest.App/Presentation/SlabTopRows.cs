// The top slab caches by total size, as `slabtop -o -s c` orders them, formatted to the pane. Pure.
namespace MemQuest.App.Presentation;

public static class SlabTopRows
{
    public const string Header = "  OBJS ACTIVE  SIZE CACHE SIZE NAME";

    public static IReadOnlyList<SlabTopRow> Top(IEnumerable<SlabTopRow> caches, int count) =>
        caches.OrderByDescending(c => c.CacheSizeKb).ThenBy(c => c.Name, StringComparer.Ordinal).Take(Math.Max(0, count)).ToList();

    public static string Line(SlabTopRow r) =>
        $"{BuddyOrdersModel.Count(r.Objs, 6),6} {BuddyOrdersModel.Count(r.ActiveObjs, 6),6} {r.ObjSizeBytes,5} {Sizes.FromKb(r.CacheSizeKb),10} {r.Name}";

    public static IReadOnlyList<string> Lines(IReadOnlyList<SlabTopRow> rows) =>
        rows.Count == 0 ? ["(no slab caches on this box)"] : [Header, .. rows.Select(Line)];
}
