// Determinism contract (architecture §6): same spec, seed and inputs → same digest; different seed,
// different state → different digest.
using MemQuest.Engine.PageAlloc;

namespace MemQuest.Engine.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Digest_SameSpecAndSeed_Equal()
    {
        var spec = new MachineSpec(1024 * 1024);
        Assert.Equal(Machine.Boot(spec, 5).Digest(), Machine.Boot(spec, 5).Digest());
    }

    [Fact]
    public void Digest_DifferentSeedOrState_Differ()
    {
        var spec = new MachineSpec(1024 * 1024);
        Machine a = Machine.Boot(spec, 5), b = Machine.Boot(spec, 6);
        Assert.NotEqual(a.Digest(), b.Digest());
        Machine c = Machine.Boot(spec, 5);
        c.PageAlloc.AllocPages(0, GfpFlags.GfpKernel);
        Assert.NotEqual(a.Digest(), c.Digest());
        Machine d = Machine.Boot(spec, 5);
        d.Step();
        Assert.NotEqual(a.Digest(), d.Digest());
    }

    [Fact]
    public void Digest_IsStableAcrossProcesses_GoldenValue()
    {
        // A committed golden digest: changes only with a deliberate EngineInfo.Version bump.
        Machine m = Machine.Boot(new MachineSpec(1024 * 1024), 1);
        m.PageAlloc.AllocPages(3, GfpFlags.GfpKernel);
        m.Step();
        string digest = m.Digest();
        Assert.True(GoldenDigests.BootAllocStep1G == digest, $"the boot digest is now {digest}: a deliberate change needs an EngineInfo.Version bump and this value in GoldenDigests.cs");
    }
}
