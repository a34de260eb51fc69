// Every test in this assembly runs Terminal.Gui without a real terminal (stack.md §2).
namespace MemQuest.App.Tests;

internal static class TestEnv
{
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Init() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
