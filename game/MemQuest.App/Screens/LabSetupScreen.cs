// The lab's size picker: RAM, CPUs and swap, checked with the same rules as `memquest lab`.
// Start (or Enter) opens the lab; Cancel (or Esc) goes back to the title.
using MemQuest.App.Cli;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Screens;

public sealed class LabSetupScreen : Window
{
    private readonly TextField _mem = new() { Text = "4G", X = 18, Y = 1, Width = 20 };
    private readonly TextField _cpus = new() { Text = "2", X = 18, Y = 3, Width = 20 };
    private readonly TextField _swap = new() { Text = "0", X = 18, Y = 5, Width = 20 };
    private readonly Label _error = new() { Text = "", X = 1, Y = 7, Width = Dim.Fill(1) };

    public LabSetupScreen()
    {
        Title = "New lab box";
        X = Pos.Center();
        Y = Pos.Center();
        Width = 60;
        Height = 13;
        Add(new Label { Text = "RAM (MemTotal)", X = 1, Y = 1 }, _mem, new Label { Text = "e.g. 4G, 24684084k", X = 39, Y = 1 });
        Add(new Label { Text = "CPUs", X = 1, Y = 3 }, _cpus, new Label { Text = "1..1024", X = 39, Y = 3 });
        Add(new Label { Text = "Swap", X = 1, Y = 5 }, _swap, new Label { Text = "0 for none", X = 39, Y = 5 });
        Add(_error);
        var start = new Button { Title = "_Start", X = 16, Y = 9, IsDefault = true };
        var cancel = new Button { Title = "_Cancel", X = 30, Y = 9 };
        start.Accepting += (_, e) => { Start(); e.Handled = true; };
        cancel.Accepting += (_, e) => { Cancel(); e.Handled = true; };
        Add(start, cancel);
        KeyDown += (_, k) =>
        {
            if (k == Key.Esc) { Cancel(); k.Handled = true; }
            else if (k == Key.Enter) { Start(); k.Handled = true; }
        };
        _mem.SetFocus();
    }

    /// <summary>The box to boot, once Start succeeded; null after Cancel.</summary>
    public LabOptions? Chosen { get; private set; }

    public string Error => _error.Text ?? "";

    public void SetValues(string mem, string cpus, string swap)
    {
        _mem.Text = mem;
        _cpus.Text = cpus;
        _swap.Text = swap;
    }

    public void Start()
    {
        if (!int.TryParse(_cpus.Text, out int cpus)) { _error.Text = $"CPUs '{_cpus.Text}' is not a whole number"; return; }
        string? error = LabCommand.Validate(_mem.Text ?? "", cpus, _swap.Text ?? "", out long memBytes, out long swapBytes);
        if (error is not null) { _error.Text = error.Replace("--mem", "RAM", StringComparison.Ordinal).Replace("--swap", "Swap", StringComparison.Ordinal).Replace("--cpus", "CPUs", StringComparison.Ordinal); return; }
        Chosen = new LabOptions(memBytes, cpus, swapBytes, 1, KeepGoing: true, Script: null);
        App?.RequestStop(this);
    }

    private void Cancel()
    {
        Chosen = null;
        App?.RequestStop(this);
    }
}
