// Test helper: a booted box with one-line file actions (dd-like write, cat-like read, rm, sync,
// drop_caches) and /proc/meminfo numbers in kB.
using MemQuest.Engine.Filemap;
using MemQuest.Engine.Procfs;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Filemap;

internal sealed class PageCacheBox
{
    public PageCacheBox(long memTotalKb = 4L * 1024 * 1024, long swapKb = 0, params (string, string)[] sysctls)
    {
        var spec = new MachineSpec(memTotalKb, 2, swapKb) { Sysctls = sysctls.Select(s => new KeyValuePair<string, string>(s.Item1, s.Item2)).ToList() };
        Machine = Machine.Boot(spec, 7);
    }

    public Machine Machine { get; }

    public long Kb(string label) => Meminfo.Compute(Machine)[label];

    public Inode Write(string path, long bytes)
    {
        Inode f = Machine.Fs.Lookup(path, out _) ?? Machine.Fs.Create(path, out Errno e) ?? throw new InvalidOperationException(e.ToString());
        IoResult r = Machine.FileIo.Write(f, 0, bytes);
        Assert.Equal(Errno.Ok, r.Error);
        return f;
    }

    public IoResult Read(string path)
    {
        Inode f = Machine.Fs.Lookup(path, out Errno e) ?? throw new InvalidOperationException(e.ToString());
        return Machine.FileIo.ReadAll(f);
    }

    public Errno Drop(string value) => Machine.Sysctls.Write(SysctlCatalog.DropCaches, value);

    public void Sync() => Machine.Fs.Writeback.SyncAll();
}
