// The file namespace the console sees: exact paths (/proc/buddyinfo) and providers for families of
// paths (/proc/sys/vm/*, /proc/PID/*, /sys/kernel/slab/NAME/*). Each subsystem registers its files
// in Shell/Files; lookups try exact paths first, then providers in registration order.
namespace MemQuest.Scenarios.Shell;

public sealed class VirtualFiles
{
    private readonly SortedDictionary<string, VirtualFile> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, Func<string, VirtualFile?> Resolve, Func<IEnumerable<string>> List)> _providers = [];

    public void Add(string path, VirtualFile file) => _exact[path] = file;

    /// <summary>Paths starting with <paramref name="prefix"/> are resolved by <paramref name="resolve"/>;
    /// <paramref name="list"/> names the ones that exist now (for `ls`, `help` and Tab completion).</summary>
    public void AddProvider(string prefix, Func<string, VirtualFile?> resolve, Func<IEnumerable<string>> list) =>
        _providers.Add((prefix, resolve, list));

    public VirtualFile? Find(string path)
    {
        string p = Normalize(path);
        if (_exact.TryGetValue(p, out VirtualFile? f)) return f;
        foreach (var (prefix, resolve, _) in _providers)
            if (p.StartsWith(prefix, StringComparison.Ordinal) && resolve(p) is { } found) return found;
        return null;
    }

    /// <summary>Every path that exists now, sorted.</summary>
    public IEnumerable<string> AllPaths()
    {
        var all = new SortedSet<string>(_exact.Keys, StringComparer.Ordinal);
        foreach (var provider in _providers) all.UnionWith(provider.List());
        return all;
    }

    /// <summary>Collapse "//" and a trailing "/" the way the kernel's path walk does.</summary>
    public static string Normalize(string path)
    {
        string p = path;
        while (p.Contains("//", StringComparison.Ordinal)) p = p.Replace("//", "/", StringComparison.Ordinal);
        return p.Length > 1 && p.EndsWith('/') ? p[..^1] : p;
    }
}
