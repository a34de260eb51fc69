// Memory cgroups on real processes: what is charged, memory.max → memcg OOM inside the group.
using MemQuest.Engine.Memcg;
using MemQuest.Engine.Mm;
using MemQuest.Engine.Mm.Exec;
using MemQuest.Engine.Oom.Control;
using MemQuest.Engine.Sysctl;

namespace MemQuest.Engine.Tests.Memcg;

public sealed class MemcgChargeTests
{
    private const long MiB = 1024 * 1024;
    private const int ShellPid = 1;
    private readonly Machine _m;

    public MemcgChargeTests()
    {
        _m = Machine.Boot(new MachineSpec(256 * 1024) { Sysctls = [new("panic_on_oom", "1")] }, 1);
        Spawn("warmup", 0, null);                             // libc enters the page cache outside any group
    }

    private MemCgroup Group(string path, long maxPages = MemCgroup.Unlimited)
    {
        Assert.Equal(Errno.Ok, _m.Cgroups.Mkdir(path));
        MemCgroup g = _m.Cgroups.Find(path)!;
        g.MaxPages = maxPages;
        return g;
    }

    private long StatPages(MemCgroup g, string key) => _m.MemcgStat.Compute(g).Single(r => r.Name == key).Value / 4096;

    private LabOutcome Spawn(string name, long bytes, MemCgroup? g)
    {
        if (g is not null) _m.Cgroups.AttachOutsideTask(ShellPid, g);
        try { return LabProgram.Spawn(_m.Mm, name, ShellPid, _m.Tick, new LabProgramSpec(bytes, bytes)); }
        finally { _m.Cgroups.AttachOutsideTask(ShellPid, _m.Cgroups.Root); }
    }

    [Fact]
    public void Charge_AnonAndPageTables_GoToTheGroup_AndComeBackOnExit()
    {
        MemCgroup g = Group("/web");
        Process p = Spawn("api", 8 * MiB, g).Process!;
        Assert.Same(g, _m.Cgroups.GroupOf(p));
        (long anon, long file, long pt) = (StatPages(g, "anon"), StatPages(g, "file"), StatPages(g, "pagetables"));
        Assert.Equal(p.Mm!.RssAnonPages, anon);
        Assert.Equal(p.Mm.PgtablesBytes / 4096, pt);
        Assert.InRange(file, 0, 16);                           // only its own binary; libc was cached by warmup
        Assert.Equal(anon + file + pt, g.UsagePages);
        _m.Mm.Exit(p);
        Assert.Equal(file, g.UsagePages);                      // cached file pages stay charged
    }

    [Fact]
    public void MemoryMax_Hit_KillsInsideTheGroupOnly()
    {
        MemCgroup g = Group("/web", maxPages: 5120);          // 20 MiB
        Process outside = Spawn("outside", 40 * MiB, null).Process!;
        Process api = Spawn("api", 12 * MiB, g).Process!;
        LabOutcome worker = Spawn("worker", 10 * MiB, g);

        Assert.Equal(LabFailure.None, worker.Failure);
        OomDecision d = _m.Oom.LastDecision!;
        Assert.Equal(OomOutcome.Killed, d.Outcome);
        Assert.Same(api, d.Chosen);
        Assert.Equal(5120, d.TotalPages);                      // one adj point = limit/1000 = 5 pages
        Assert.Equal(5, d.AdjUnitPages);
        Assert.Equal(["api", "worker"], d.Candidates.Select(c => c.Comm));
        Assert.Same(outside, _m.Processes.Find(outside.Pid));
        Assert.False(_m.Panicked);                             // panic_on_oom=1 ignores memcg OOMs (fact 61)
        Assert.True(g.UsagePages <= g.MaxPages);
        // The group's only reclaimable pages are the two programs' .data file pages: exec's write fault on the
        // private file mapping (do_cow_fault) read page 3 of /usr/local/bin/api and .../worker into the page
        // cache, charged to /web, and mapped only the anon copy. The first charge over memory.max ("max" event 1)
        // reclaims both, so it and the next charge fit. The charge after that finds nothing reclaimable (anon,
        // no swap): a "max" event on the failure, one more after drain_all_stock, then MAX_RECLAIM_RETRIES (16)
        // fruitless reclaim retries before mem_cgroup_oom.
        const long cowFilePages = 2;
        const long maxEvents = 1 + 1 + 1 + MemcgCharge.MaxReclaimRetries;
        Assert.Equal(cowFilePages, _m.MemcgStat.Compute(g).Single(r => r.Name == "pgsteal").Value);
        Assert.Equal((maxEvents, 1L, 1L), (g.Events[(int)MemcgEvent.Max], g.Events[(int)MemcgEvent.Oom], g.Events[(int)MemcgEvent.OomKill]));
        Assert.Equal((0L, 0L), (g.Events[(int)MemcgEvent.Low], g.Events[(int)MemcgEvent.High]));
        List<string> log = _m.Kmsg.Lines.Select(l => l[15..]).ToList();
        Assert.Equal("worker invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0", log[0]);
        Assert.Equal($"memory: usage 20480kB, limit 20480kB, failcnt {maxEvents}", log[1]);     // v2 prints memory.events max
        Assert.Equal("Memory cgroup stats for /web:", log[3]);
        Assert.DoesNotContain("Mem-Info:", log);                 // dump_header: the memcg summary replaces __show_mem
        Assert.Contains($"oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/web,task_memcg=/web,task=api,pid={api.Pid},uid=0", log);
        Assert.StartsWith($"Memory cgroup out of memory: Killed process {api.Pid} (api)", log[^1]);
    }

    [Fact]
    public void MemoryMax_OnTheParent_OomScopeIsTheParentSubtree()
    {
        MemCgroup parent = Group("/web", maxPages: 5120);
        MemCgroup child = Group("/web/api");
        Process a = Spawn("a", 12 * MiB, child).Process!;
        Spawn("b", 10 * MiB, parent);
        OomDecision d = _m.Oom.LastDecision!;
        Assert.Same(a, d.Chosen);
        Assert.Equal("/web", d.Request.MemcgPath);
        Assert.Contains(_m.Kmsg.Lines, l => l.Contains($"oom_memcg=/web,task_memcg=/web/api,task=a,pid={a.Pid}"));
        Assert.Equal(1, child.Events[(int)MemcgEvent.OomKill]);
        Assert.Equal(1, parent.Events[(int)MemcgEvent.OomKill]);
        Assert.Equal(0, child.Events[(int)MemcgEvent.Oom]);
    }

    [Fact]
    public void MemoryMax_TheChargerIsTheBiggest_ItsFaultFailsAndItDies()
    {
        MemCgroup g = Group("/batch", maxPages: 2560);        // 10 MiB
        LabOutcome o = Spawn("hog", 32 * MiB, g);
        Assert.Equal(LabFailure.PageAllocationFailed, o.Failure);
        Assert.True(o.Process!.Exiting);
        _m.Step();
        Assert.Null(_m.Processes.Find(o.Process.Pid));
        Assert.True(g.UsagePages < 64);
    }

    [Fact]
    public void MemoryHigh_Exceeded_CountsHighEvents()
    {
        MemCgroup g = Group("/web");
        g.HighPages = 1024;
        Spawn("api", 8 * MiB, g);
        Assert.True(g.Events[(int)MemcgEvent.High] > 0);
        Assert.Equal(0, g.Events[(int)MemcgEvent.Oom]);
    }

    [Fact]
    public void Tree_MkdirAttachRmdir_KernelErrors()
    {
        Assert.Equal(Errno.Ok, _m.Cgroups.Mkdir("/web"));
        Assert.Equal(Errno.EEXIST, _m.Cgroups.Mkdir("/web"));
        Assert.Equal(Errno.ENOENT, _m.Cgroups.Mkdir("/nope/x"));
        MemCgroup web = _m.Cgroups.Find("/web")!;
        Assert.Equal(Errno.ESRCH, _m.Cgroups.Attach(99999, web));
        Process p = Spawn("api", 0, null).Process!;
        Assert.Same(_m.Cgroups.Root, _m.Cgroups.GroupOf(p));
        Assert.Equal(Errno.Ok, _m.Cgroups.Attach(p.Pid, web));
        Assert.Equal([p], _m.Cgroups.LiveProcs(web));
        Assert.Equal(Errno.EBUSY, _m.Cgroups.Rmdir("/web"));
        _m.Mm.Exit(p);
        Assert.Empty(_m.Cgroups.LiveProcs(web));
        Assert.Equal(Errno.Ok, _m.Cgroups.Rmdir("/web"));
        Assert.Null(_m.Cgroups.Find("/web"));
    }

    [Fact]
    public void Fork_ChildInheritsTheParentsGroup()
    {
        MemCgroup g = Group("/web");
        Process parent = Spawn("api", MiB, g).Process!;
        var child = new Process(_m.Processes.AllocPid(), "api-worker", parent.Pid, new MmStruct());
        _m.Processes.Add(child);
        Assert.Same(g, _m.Cgroups.GroupOf(child));
    }

    [Fact]                         // memory_max_write: lowering the limit below usage OOM-kills inside the group
    public void WriteMax_BelowUsage_KillsUntilUnder()
    {
        MemCgroup g = Group("/web");
        Process a = Spawn("a", 12 * MiB, g).Process!;
        Process b = Spawn("b", 4 * MiB, g).Process!;
        _m.MemcgCharge.WriteMax(g, 2560, "bash");
        Assert.Null(_m.Processes.Find(a.Pid));
        Assert.Same(b, _m.Processes.Find(b.Pid));
        Assert.True(g.UsagePages <= 2560);
        Assert.Equal(2560, g.MaxPages);
        Assert.EndsWith("] bash invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0", _m.Kmsg.Lines[0]);
    }

    [Fact]
    public void Digest_SeesCharges()
    {
        MemCgroup g = Group("/web");
        string before = _m.Digest();
        Spawn("api", MiB, g);
        string after = _m.Digest();
        Assert.NotEqual(before, after);
        Assert.Equal(after, _m.Digest());
    }
}
