// Models reading and writing /proc/sys/vm/* (proc_dointvec_minmax, proc_doulongvec_minmax in
// kernel/sysctl.c): base-0 integer parsing with surrounding whitespace, EINVAL outside the range,
// EACCES when reading a write-only knob, ENOENT for unknown names. Subsystems hook writes that
// have effects (watermarks, drop_caches, compaction) through WriteHandlers and Changed.
// Invariants: values are kept per definition in SysctlCatalog order (the digest order).
namespace MemQuest.Engine.Sysctl;

public sealed class Sysctls
{
    private readonly long[][] _values;
    private readonly Dictionary<string, Func<long, Errno>> _actions = new(StringComparer.Ordinal);

    public Sysctls()
    {
        _values = new long[SysctlCatalog.All.Length][];
        for (int i = 0; i < _values.Length; i++)
        {
            SysctlDefinition d = SysctlCatalog.All[i];
            _values[i] = d.Name == SysctlCatalog.LowmemReserveRatio
                ? (long[])SysctlCatalog.DefaultLowmemReserveRatio.Clone()
                : [d.Default];
        }
    }

    /// <summary>Raised after a stored value changed (name of the knob).</summary>
    public event Action<string>? Changed;

    /// <summary>True once the admin wrote min_free_kbytes (the user value then wins over recalculation).</summary>
    public bool MinFreeKbytesSetByUser { get; private set; }

    public long Get(string name) => _values[IndexOf(name)][0];

    public long[] GetVector(string name) => (long[])_values[IndexOf(name)].Clone();

    /// <summary>Set by the engine itself (boot-time computed values), bypassing range checks and hooks.</summary>
    public void SetComputed(string name, long value) => _values[IndexOf(name)][0] = value;

    /// <summary>Register what a write to an action knob (drop_caches, compact_memory) does.</summary>
    public void OnWrite(string name, Func<long, Errno> action) => _actions[name] = action;

    /// <summary>The text `cat /proc/sys/vm/NAME` prints, or an errno.</summary>
    public Errno Read(string name, out string text)
    {
        text = "";
        SysctlDefinition? d = SysctlCatalog.Find(name);
        if (d is null) return Errno.ENOENT;
        if (d.WriteOnly) return Errno.EACCES;
        text = string.Join('\t', _values[IndexOf(name)]) + "\n";
        return Errno.Ok;
    }

    /// <summary>Write text as `echo TEXT &gt; /proc/sys/vm/NAME` would.</summary>
    public Errno Write(string name, string text)
    {
        SysctlDefinition? d = SysctlCatalog.Find(name);
        if (d is null) return Errno.ENOENT;
        string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return Errno.EINVAL;
        int n = Math.Min(tokens.Length, d.Length);
        var parsed = new long[n];
        for (int i = 0; i < n; i++)
        {
            if (!KernelInt.TryParse(tokens[i], out parsed[i])) return Errno.EINVAL;
            if (parsed[i] < d.Min || parsed[i] > d.Max) return Errno.EINVAL;
        }
        if (_actions.TryGetValue(name, out Func<long, Errno>? action))
        {
            Errno e = action(parsed[0]);
            if (e != Errno.Ok) return e;
        }
        Store(name, parsed);
        return Errno.Ok;
    }

    private void Store(string name, long[] parsed)
    {
        long[] slot = _values[IndexOf(name)];
        for (int i = 0; i < parsed.Length; i++) slot[i] = parsed[i];
        if (name == SysctlCatalog.MinFreeKbytes) MinFreeKbytesSetByUser = true;
        if (name == SysctlCatalog.OvercommitRatio) _values[IndexOf(SysctlCatalog.OvercommitKbytes)][0] = 0;
        if (name == SysctlCatalog.OvercommitKbytes) _values[IndexOf(SysctlCatalog.OvercommitRatio)][0] = 0;
        Changed?.Invoke(name);
    }

    /// <summary>Every value in catalog order, for Machine.Digest().</summary>
    public IEnumerable<long> DigestValues()
    {
        foreach (long[] slot in _values)
            foreach (long v in slot) yield return v;
    }

    private static int IndexOf(string name)
    {
        for (int i = 0; i < SysctlCatalog.All.Length; i++)
            if (SysctlCatalog.All[i].Name == name) return i;
        throw new ArgumentException($"no sysctl vm.{name}", nameof(name));
    }
}
