// The lab's box: a machine of the player's size and its console in lab mode. It plays the part a
// Session plays in an incident: the screen submits console lines through it, and the GameClock is
// the only caller of Advance.
using MemQuest.App.Presentation;
using MemQuest.Engine;
using MemQuest.Scenarios.Shell;

namespace MemQuest.App;

public sealed class LabBox
{
    public LabBox(MachineSpec spec, ulong seed)
    {
        Machine = Machine.Boot(spec, seed);
        Shell = new Shell(Machine, ShellMode.Lab);
    }

    public Machine Machine { get; }
    public Shell Shell { get; }

    /// <summary>What Tab completes on this box.</summary>
    public CompletionSources Completions => new(
        () => Shell.Commands.Keys,
        () => Shell.Context.Files.AllPaths(),
        () => Machine.Processes.ByPid.Select(p => p.Pid));

    /// <summary>Run one console line.</summary>
    public ShellResult Submit(string line) => Shell.Run(line);

    /// <summary>Let the box run <paramref name="ticks"/> ticks (GameClock only).</summary>
    public void Advance(int ticks)
    {
        for (int i = 0; i < ticks; i++) Machine.Step();
    }

    public BoxSnapshot Snapshot() => BoxSnapshot.Capture(Machine);
}
