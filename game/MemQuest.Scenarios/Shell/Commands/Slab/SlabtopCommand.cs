// slabtop -o [-s CRITERION]: procps-ng 4.0's one-shot slab report from /proc/slabinfo — the five
// summary lines, then one row per cache sorted (stably, in slabinfo order for ties) by the
// criterion, number of objects by default. Without -o the real tool is interactive; the console
// prints the same single screen. Percentages and K sizes are the tool's own floating point.
using System.Text;
using MemQuest.Engine.Slab;
using MemQuest.Scenarios.Shell;

namespace MemQuest.Scenarios.Shell.Commands.Slab;

public sealed class SlabtopCommand : IShellCommand
{
    public string Name => "slabtop";
    public string Synopsis => "slabtop -o [-s a|b|c|l|v|n|o|p|s|u]   kernel slab cache usage (procps-ng)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        char sort = 'o';
        for (int i = 1; i < argv.Count; i++)
        {
            string a = argv[i];
            if (a is "-o" or "--once") continue;
            if (a is "-s" or "--sort")
            {
                if (i + 1 >= argv.Count) return ShellResult.Fail("slabtop: option requires an argument -- 's'\n" + Usage, 1);
                a = "-s" + argv[++i];
            }
            if (a.StartsWith("--sort=", StringComparison.Ordinal)) a = "-s" + a[7..];
            if (a.StartsWith("-s", StringComparison.Ordinal) && a.Length == 3 && "abclvnopsu".Contains(a[2])) { sort = a[2]; continue; }
            if (a.StartsWith("-s", StringComparison.Ordinal)) return ShellResult.Fail($"slabtop: invalid sort criteria: {a[2..]}\n" + Usage, 1);
            if (a.StartsWith("-d", StringComparison.Ordinal)) return ShellResult.Fail("slabtop: -d cannot be combined with -o here: the console prints one screen\n", 1);
            return ShellResult.Fail($"slabtop: invalid option -- '{a.TrimStart('-')}'\n" + Usage, 1);
        }
        return ShellResult.Ok(Render(context.Machine.Slab, sort));
    }

    private const string Usage = "Usage:\n slabtop [options]\n";

    public static string Render(SlabAllocator slab, char sort)
    {
        List<KmemCache> caches = [.. slab.Caches.Reverse()];
        long activeObjs = 0, totalObjs = 0, slabs = 0, activeSize = 0, totalSize = 0;
        int activeCaches = 0, minSize = int.MaxValue, maxSize = 0;
        foreach (KmemCache c in caches)
        {
            activeObjs += c.ActiveObjs;
            totalObjs += c.NumObjs;
            slabs += c.NumSlabs;
            activeSize += c.ActiveObjs * c.SizeBytes;
            totalSize += c.NumObjs * c.SizeBytes;
            if (c.ActiveObjs > 0) activeCaches++;
            minSize = Math.Min(minSize, c.SizeBytes);
            maxSize = Math.Max(maxSize, c.SizeBytes);
        }
        var sb = new StringBuilder();
        sb.Append($" {"Active / Total Objects (% used)",-35}: {activeObjs} / {totalObjs} ({Pct(activeObjs, totalObjs)}%)\n");
        sb.Append($" {"Active / Total Slabs (% used)",-35}: {slabs} / {slabs} ({Pct(slabs, slabs)}%)\n");
        sb.Append($" {"Active / Total Caches (% used)",-35}: {activeCaches} / {caches.Count} ({Pct(activeCaches, caches.Count)}%)\n");
        sb.Append($" {"Active / Total Size (% used)",-35}: {K(activeSize)}K / {K(totalSize)}K ({Pct(activeSize, totalSize)}%)\n");
        long avg = totalObjs == 0 ? 0 : totalSize / totalObjs;
        sb.Append($" {"Minimum / Average / Maximum Object",-35}: {K(minSize)}K / {K(avg)}K / {K(maxSize)}K\n\n");
        sb.Append($"{"OBJS",6} {"ACTIVE",6} {"USE",4} {"OBJ SIZE",8} {"SLABS",6} {"OBJ/SLAB",8} {"CACHE SIZE",10} {"NAME",-23}\n");
        foreach (KmemCache c in Sorted(caches, sort))
        {
            long use = c.NumObjs == 0 ? 0 : c.ActiveObjs * 100 / c.NumObjs;
            long cacheKb = c.NumSlabs * c.Layout.PagesPerSlab * 4;
            sb.Append($"{c.NumObjs,6} {c.ActiveObjs,6} {use,3}% {K(c.SizeBytes),7}K {c.NumSlabs,6} {c.Layout.ObjPerSlab,8} {cacheKb,9}K {c.Name,-23}\n");
        }
        return sb.ToString();
    }

    private static string Pct(long part, long whole) => CPrintf.Fixed(whole == 0 ? 0 : 100.0 * part / whole, 1);

    private static string K(long bytes) => CPrintf.Fixed(bytes / 1024.0, 2);

    /// <summary>The sort criteria of slabtop(1): descending except by name.</summary>
    private static IEnumerable<KmemCache> Sorted(List<KmemCache> caches, char sort) => sort switch
    {
        'a' => caches.OrderByDescending(c => c.ActiveObjs),
        'b' => caches.OrderByDescending(c => c.Layout.ObjPerSlab),
        'c' => caches.OrderByDescending(c => c.NumSlabs * c.Layout.PagesPerSlab),
        'l' or 'v' => caches.OrderByDescending(c => c.NumSlabs),
        'n' => caches.OrderBy(c => c.Name, StringComparer.Ordinal),
        'p' => caches.OrderByDescending(c => c.Layout.PagesPerSlab),
        's' => caches.OrderByDescending(c => c.SizeBytes),
        'u' => caches.OrderByDescending(c => c.NumObjs == 0 ? 0 : c.ActiveObjs * 100 / c.NumObjs),
        _ => caches.OrderByDescending(c => c.NumObjs),
    };
}
