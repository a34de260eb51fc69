// The superblock's dentry LRU (sb->s_dentry_lru, fs/dcache.c d_lru_add / d_lru_del): unused dentries,
// coldest first. Linked through the inodes themselves (Inode.DentryLruPrev/Next), as the kernel links
// struct dentry's d_lru, so a dentry on the list costs no node object of its own.
// Invariants: an inode is on the list iff Inode.OnDentryLru; Count is the number of inodes on it.
using MemQuest.Engine.Filemap;

namespace MemQuest.Engine.Dcache;

internal sealed class DentryLru
{
    private Inode? _first, _last;

    public long Count { get; private set; }

    /// <summary>The coldest dentry's inode, or null when the list is empty.</summary>
    public Inode? First => _first;

    public void AddLast(Inode inode)
    {
        if (inode.OnDentryLru) throw new InvalidOperationException($"{inode.Path}'s dentry is on the LRU already");
        inode.OnDentryLru = true;
        inode.DentryLruPrev = _last;
        inode.DentryLruNext = null;
        if (_last is null) _first = inode;
        else _last.DentryLruNext = inode;
        _last = inode;
        Count++;
    }

    public void Remove(Inode inode)
    {
        if (!inode.OnDentryLru) throw new InvalidOperationException($"{inode.Path}'s dentry is not on the LRU");
        if (inode.DentryLruPrev is null) _first = inode.DentryLruNext;
        else inode.DentryLruPrev.DentryLruNext = inode.DentryLruNext;
        if (inode.DentryLruNext is null) _last = inode.DentryLruPrev;
        else inode.DentryLruNext.DentryLruPrev = inode.DentryLruPrev;
        inode.DentryLruPrev = inode.DentryLruNext = null;
        inode.OnDentryLru = false;
        Count--;
    }

    /// <summary>The inode numbers, coldest first (the digest's order).</summary>
    public void AddToDigest(DigestWriter w)
    {
        for (Inode? i = _first; i is not null; i = i.DentryLruNext) w.Add(i.Ino);
    }
}
