// Models a small ext4 filesystem as the VFS sees it (fs/namei.c path walk, fs/ext4 inode allocation):
// a tree of inodes; every component of a walked path comes through the dcache (a dentry, and an
// ext4_inode_cache object whose on-disk inode is read from the inode table through the block
// device's page cache, i.e. "Buffers"). File data goes through PageCache; dirty limits through Writeback.
// Boot layout (lab issue): /, /etc, /tmp, /var/log, /data, /usr/lib with the C library and services,
// and the shmem-backed mounts every distribution has: /dev (devtmpfs) with /dev/shm (tmpfs). /tmp stays
// on the root ext4 filesystem, as on Debian before 13. Files under /dev are tmpfs files (Shmem): their
// inodes are shmem_inode_cache objects that no inode table backs, and their dentries are pinned.
// Invariants: paths are absolute; a directory's Children are its entries; inode numbers never reuse.
// Not modelled: permissions, hard links, directory data blocks, disk space limits, O_DIRECT.
using MemQuest.Engine.Dcache;
using MemQuest.Engine.PageAlloc;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Filemap;

public sealed class FileSystem
{
    /// <summary>ext4 inodes of 256 bytes: 16 per 4 KiB inode-table block.</summary>
    public const int InodesPerBlock = 16;
    private const int FirstIno = 12;
    private readonly Func<long> _tick;
    private int _nextIno = FirstIno;

    private readonly Action<long> _freeSwapEntry;

    public FileSystem(PageCache cache, Dcache.Dcache dcache, Writeback writeback, Shmem shmem, Action<long> freeSwapEntry, Func<long> tick)
    {
        Shmem = shmem;
        _freeSwapEntry = freeSwapEntry;
        Cache = cache;
        Dcache = dcache;
        Writeback = writeback;
        _tick = tick;
        Root = new Inode(2, "", null, InodeKind.Directory);
        BlockDevice = new Inode(1, "vda", null, InodeKind.BlockDevice);
        Cache.Register(Root);
        Cache.Register(BlockDevice);
    }

    public PageCache Cache { get; }
    /// <summary>The swap side of tmpfs files.</summary>
    public Shmem Shmem { get; }
    public Dcache.Dcache Dcache { get; }
    public Writeback Writeback { get; }
    public Inode Root { get; }
    /// <summary>/dev/vda's bdev inode: its page cache is Buffers in /proc/meminfo.</summary>
    public Inode BlockDevice { get; }

    /// <summary>The boot filesystem; every entry is looked up once, as boot does.</summary>
    public void Populate()
    {
        Dcache.AllocInode(BlockDevice);
        Dcache.AllocDentry(Root);
        Dcache.AllocInode(Root);
        foreach (string dir in new[] { "/etc", "/tmp", "/var", "/var/log", "/data", "/usr", "/usr/lib", "/usr/lib/x86_64-linux-gnu" })
            Mkdir(dir, parents: false);
        Make("/dev", InodeKind.Directory, out _, shmem: true);
        Mkdir("/dev/shm", parents: false);
        foreach (var (path, bytes) in BootFiles) CreateSized(path, bytes);
        Writeback.SyncAll();
    }

    private static readonly (string Path, long Bytes)[] BootFiles =
    [
        ("/etc/hostname", 9), ("/etc/fstab", 661), ("/etc/passwd", 1452), ("/etc/hosts", 221),
        ("/usr/lib/x86_64-linux-gnu/libc.so.6", 1922136), ("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 210968),
        ("/usr/lib/postgres", 9170344), ("/usr/lib/nginx", 1215720), ("/usr/lib/java", 14208),
        ("/var/log/syslog", 3145728), ("/var/log/kern.log", 524288),
    ];

    private void CreateSized(string path, long bytes)
    {
        Inode? f = Create(path, out _);
        if (f is not null) f.SizeBytes = bytes;
    }

    /// <summary>path_lookupat (fs/namei.c): walk the path; each component is brought into the dcache.</summary>
    public Inode? Lookup(string path, out Errno error)
    {
        if (!path.StartsWith('/')) { error = Errno.ENOENT; return null; }
        return Walk(path, path.Length, out error);
    }

    /// <summary>The walk of the components of path[..end] (empty components skipped, as "//" is "/").</summary>
    private Inode? Walk(string path, int end, out Errno error)
    {
        error = Errno.Ok;
        Inode cur = Root;
        int i = 0;
        if (_lastWalk.Resumes(path, end, Dcache.Evictions)) { cur = _lastWalk.Dir!; i = _lastWalk.End; }
        bool broughtAny = false;
        while (i < end)
        {
            if (path[i] == '/') { i++; continue; }
            int next = path.IndexOf('/', i, end - i);
            if (next < 0) next = end;
            if (!cur.IsDirectory) { error = Errno.ENOTDIR; return null; }
            Inode? child = cur.ChildNamed(path.AsSpan(i, next - i));
            if (child is null) { error = Errno.ENOENT; return null; }
            broughtAny |= child.InodeHandle == VfsSlabCache.NoObject || child.DentryHandle == VfsSlabCache.NoObject;
            if (!Bring(child)) { error = Errno.ENOMEM; return null; }
            cur = child;
            i = next;
        }
        // Every component was cached already and is referenced now: walking this prefix again changes nothing
        // until the dcache frees or ages something (a freshly brought dentry is not referenced yet: no resume).
        if (!broughtAny && cur.IsDirectory) _lastWalk = new WalkedPrefix(path, end, cur, Dcache.Evictions);
        return cur;
    }

    private WalkedPrefix _lastWalk;

    /// <summary>Not kernel state: the last directory a walk reached without bringing anything into the dcache,
    /// and the dcache's eviction count then. A later walk of a path with the same prefix would repeat
    /// lookup_fast on the same cached, referenced dentries (setting DCACHE_REFERENCED again, already set),
    /// so it resumes after the prefix while nothing was evicted or aged since.</summary>
    private readonly record struct WalkedPrefix(string? Path, int End, Inode? Dir, long Evictions)
    {
        public bool Resumes(string path, int end, long evictions) =>
            Dir is not null && evictions == Evictions && End <= end && (End == end || path[End] == '/')
            && path.AsSpan(0, End).SequenceEqual(Path.AsSpan(0, End));
    }

    /// <summary>lookup_fast / lookup_slow: dentry from the dcache, inode from the icache or the disk.</summary>
    private bool Bring(Inode inode)
    {
        if (inode.InodeHandle == VfsSlabCache.NoObject)
        {
            if (!Dcache.AllocInode(inode)) return false;
            ReadInodeTable(inode.Ino, dirty: false);
        }
        return Dcache.AllocDentry(inode);
    }

    /// <summary>__ext4_get_inode_loc: the inode-table block holding <paramref name="ino"/> through the bdev page cache.</summary>
    private void ReadInodeTable(int ino, bool dirty)
    {
        long index = ino / InodesPerBlock;
        int pfn = BlockDevice.PageAt(index);
        if (pfn == MemMap.NoPfn) pfn = Cache.ReadPage(BlockDevice, index);
        if (pfn == MemMap.NoPfn) return;
        Cache.MarkAccessed(pfn);
        if (dirty) Cache.MarkDirty(BlockDevice, pfn, _tick());
    }

    /// <summary>The directory that would hold the last component of <paramref name="path"/>, and that
    /// component (trailing slashes dropped), without copying either out of the path.</summary>
    private Inode? Parent(string path, out ReadOnlySpan<char> name, out Errno error)
    {
        ReadOnlySpan<char> trimmed = path.AsSpan().TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        name = trimmed[(slash + 1)..];
        // Lookup of path[..slash] (of "/" when there is no parent component): the walk reads only that prefix.
        Inode? dir;
        if (slash <= 0) dir = Lookup("/", out error);
        else if (path[0] != '/') { error = Errno.ENOENT; dir = null; }
        else dir = Walk(path, slash, out error);
        if (dir is not null && !dir.IsDirectory) { error = Errno.ENOTDIR; return null; }
        if (name.Length == 0 && error == Errno.Ok) error = Errno.EEXIST;
        return dir;
    }

    /// <summary>A file that is already on disk (written before this boot): the directories and inode exist
    /// and i_size is at least <paramref name="bytes"/>, but none of its data is in the page cache yet, so
    /// the first read of each page goes to disk. Used for the data files of the box's services.</summary>
    public Inode? EnsureOnDisk(string path, long bytes, out Errno error)
    {
        error = Errno.Ok;
        Inode? f = Lookup(path, out error);
        if (f is null && error == Errno.ENOENT)
        {
            string trimmed = path.TrimEnd('/');
            int slash = trimmed.LastIndexOf('/');
            if (slash > 0 && Mkdir(trimmed[..slash], parents: true) is null) { error = Errno.ENOENT; return null; }
            f = Create(path, out error);
        }
        if (f is null) return null;
        if (f.IsDirectory) { error = Errno.EISDIR; return null; }
        if (f.SizeBytes < bytes) f.SizeBytes = bytes;
        return f;
    }

    /// <summary>do_sys_open(O_CREAT) → ext4_create: a new inode (inode table dirtied) and its dentry.</summary>
    public Inode? Create(string path, out Errno error) => Make(path, InodeKind.Regular, out error);

    /// <summary>do_mkdirat → ext4_mkdir.</summary>
    public Inode? Mkdir(string path, bool parents) => parents ? MkdirParents(path, path.Length) : Make(path, InodeKind.Directory, out _);

    /// <summary>mkdir -p of path[..end] (a file's directory, without copying it out of the file's path).</summary>
    public Inode? MkdirParents(string path, int end)
    {
        // mkdir -p: each prefix /a, /a/b, ... is walked from the root, and made when missing.
        Inode? last = Root;
        for (int i = 0; i < end;)
        {
            if (path[i] == '/') { i++; continue; }
            int next = path.IndexOf('/', i, end - i);
            if (next < 0) next = end;
            last = Walk(path, next, out Errno e) ?? (e == Errno.ENOENT ? Make(NormalPrefix(path, next), InodeKind.Directory, out _) : null);
            if (last is null || !last.IsDirectory) return null;
            i = next;
        }
        return last;
    }

    /// <summary>path[..end] with empty components dropped: "/" before each component.</summary>
    private static string NormalPrefix(string path, int end) =>
        "/" + string.Join('/', path[..end].Split('/', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Like Mkdir without -p, with the errno mkdir(2) gives.</summary>
    public Errno MkdirOne(string path)
    {
        Make(path, InodeKind.Directory, out Errno e);
        return e;
    }

    private Inode? Make(string path, InodeKind kind, out Errno error, bool shmem = false)
    {
        Inode? dir = Parent(path, out ReadOnlySpan<char> name, out error);
        if (dir is null) return null;
        if (dir.ChildNamed(name) is not null) { error = Errno.EEXIST; return null; }
        var inode = new Inode(_nextIno++, name.ToString(), dir, kind, shmem);
        if (!Dcache.AllocInode(inode) || !Dcache.AllocDentry(inode)) { Dcache.Forget(inode); error = Errno.ENOMEM; return null; }
        dir.AddChild(inode);
        Cache.Register(inode);
        if (!inode.IsShmem) ReadInodeTable(inode.Ino, dirty: true);
        return inode;
    }

    /// <summary>truncate_inode_pages: pages, shadow entries and (tmpfs) swap entries of the file go.</summary>
    internal void TruncatePages(Inode inode) => Cache.TruncateInodePages(inode, _freeSwapEntry);

    /// <summary>do_unlinkat → iput_final → truncate_inode_pages_final: the pages go, dirty or not.</summary>
    public Errno Unlink(string path)
    {
        Inode? f = Lookup(path, out Errno e);
        if (f is null) return e;
        if (f.IsDirectory) return Errno.EISDIR;
        if (f.MapCount > 0 || Cache.HasMappedPages(f)) return Errno.EBUSY;
        TruncatePages(f);
        Dcache.Forget(f);
        f.Parent!.RemoveChild(f.Name);
        Dcache.Repin(f.Parent);
        Cache.Unregister(f);
        if (!f.IsShmem) ReadInodeTable(f.Ino, dirty: true);
        return Errno.Ok;
    }

    public IEnumerable<Inode> AllInodes()
    {
        var stack = new Stack<Inode>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            Inode i = stack.Pop();
            yield return i;
            if (i.HasChildren) foreach (Inode c in i.Children.Values.Reverse()) stack.Push(c);
        }
    }

    public void AddToDigest(DigestWriter w)
    {
        w.Add(_nextIno);
        BlockDevice.AddToDigest(w);
        AddTreeToDigest(w, Root);
    }

    /// <summary>The inodes in AllInodes' order (pre-order, entries by name), without its per-directory copies.</summary>
    private static void AddTreeToDigest(DigestWriter w, Inode dir)
    {
        dir.AddToDigest(w);
        if (!dir.HasChildren) return;
        IList<Inode> entries = dir.Children.Values;
        for (int i = 0; i < entries.Count; i++) AddTreeToDigest(w, entries[i]);
    }
}
