// module-loaded: NAME, or { module: NAME, buf_alloc: vmalloc }: the module is loaded (with that buffer kind).
using MemQuest.Scenarios.Model;
using MemQuest.Scenarios.Services;
using MemQuest.Scenarios.Workloads.Kernel;
using MemQuest.Scenarios.Judging.Conditions.Kernel;

namespace MemQuest.Scenarios.Judging.Conditions.Kernel;

internal sealed class ModuleLoaded(string module, string? bufAlloc) : ICondition
{
    public Mechanism Needs => Mechanism.None;

    public static ConditionParse Parse(ConditionSpec s)
    {
        if (ConditionArgs.Unknown(s, "module", "buf_alloc") is { } bad) return ConditionParse.Fail(bad);
        string? bufAlloc = s.Arg("buf_alloc");
        if (bufAlloc is not null && !ModuleTable.BufAllocChoices.Contains(bufAlloc)) return ConditionParse.Fail($"buf_alloc '{bufAlloc}' must be kmalloc or vmalloc");
        return ConditionArgs.Name(s, "module") is { } m ? ConditionParse.Ok(new ModuleLoaded(m, bufAlloc)) : ConditionParse.Fail(ConditionArgs.Missing(s, "netcap"));
    }

    public ConditionResult Evaluate(JudgeContext c)
    {
        bool loaded = c.Modules.Loaded.TryGetValue(module, out LoadedModule? m) && (bufAlloc is null || m.BufAlloc == bufAlloc);
        return ConditionResult.Of(loaded, ("module", module), ("buf_alloc", m?.BufAlloc ?? "none"));
    }
}
