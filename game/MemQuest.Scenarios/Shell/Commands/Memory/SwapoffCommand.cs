// swapoff -a | swapoff DEVICE (util-linux): deactivate swap areas. Pages on the area must come back
// into memory first (try_to_unuse); when they cannot, the kernel answers ENOMEM.
using MemQuest.Engine;

namespace MemQuest.Scenarios.Shell.Commands.Memory;

public sealed class SwapoffCommand : IShellCommand
{
    public string Name => "swapoff";
    public string Synopsis => "swapoff -a | DEVICE          disable swap areas (util-linux)";
    public bool LabOnly => false;

    public ShellResult Run(ShellContext context, IReadOnlyList<string> argv)
    {
        Machine m = context.Machine;
        if (argv.Count != 2) return ShellResult.Fail("Usage:\n swapoff [options] [<spec>]\n\nThis console supports: swapoff -a, swapoff DEVICE\n");
        List<string> targets = argv[1] == "-a" ? m.Swap.Areas.Select(a => a.Path).ToList() : [argv[1]];
        var err = new System.Text.StringBuilder();
        foreach (string dev in targets)
        {
            if (!m.Swap.IsActive(dev)) { err.Append($"swapoff: {dev}: swapoff failed: Invalid argument\n"); continue; }
            if (!m.Swap.Swapoff(dev, m.AnonRmap)) err.Append($"swapoff: {dev}: swapoff failed: Cannot allocate memory\n");
        }
        return err.Length == 0 ? ShellResult.Ok("") : ShellResult.Fail(err.ToString());
    }
}
