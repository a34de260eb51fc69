// The console: the transcript above a prompt line. Enter runs the line (the screen decides how),
// Up/Down walk the history, Tab completes commands, paths and pids, PgUp/PgDn scroll the output.
using MemQuest.App.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Views;

public sealed class ConsoleView : View
{
    private readonly ConsoleModel _model;
    private readonly ConsoleOutput _output;

    public ConsoleView(ConsoleModel model)
    {
        _model = model;
        Title = "Console";
        BorderStyle = LineStyle.Single;
        CanFocus = true;
        _output = new ConsoleOutput(model) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        var prompt = new Label { Text = model.Prompt, X = 0, Y = Pos.AnchorEnd(1) };
        Input = new TextField { X = Pos.Right(prompt), Y = Pos.AnchorEnd(1), Width = Dim.Fill(), CanFocus = true };
        Input.KeyDown += OnInputKey;
        Add(_output, prompt, Input);
    }

    public TextField Input { get; }

    /// <summary>A line the player entered (already recorded in the history by the screen).</summary>
    public event Action<string>? LineEntered;

    /// <summary>Redraw after the model changed (a command ran, a message arrived).</summary>
    public void Refresh()
    {
        _output.ScrollToEnd();
        _output.SetNeedsDraw();
    }

    /// <summary>Put text at the end of the input line (e.g. a pid picked in the process table) and focus it.</summary>
    public void Insert(string text)
    {
        string current = Input.Text ?? "";
        Input.Text = current.Length == 0 || current.EndsWith(' ') ? current + text : current + " " + text;
        Input.MoveEnd();
        Input.SetFocus();
    }

    private void OnInputKey(object? sender, Key key)
    {
        string text = Input.Text ?? "";
        if (key == Key.Enter)
        {
            Input.Text = "";
            LineEntered?.Invoke(text);
        }
        else if (key == Key.CursorUp) SetInput(_model.Previous(text));
        else if (key == Key.CursorDown) SetInput(_model.Next(text));
        else if (key == Key.Tab)
        {
            Completion c = _model.Complete(text);
            SetInput(c.Line);
            if (c.Candidates.Count > 0)
            {
                _model.Print(string.Join("  ", c.Candidates.Take(40)) + (c.Candidates.Count > 40 ? "  ..." : ""));
                Refresh();
            }
        }
        else if (key == Key.PageUp) _output.Scroll(Math.Max(1, _output.Viewport.Height - 1));
        else if (key == Key.PageDown) _output.Scroll(-Math.Max(1, _output.Viewport.Height - 1));
        else return;
        key.Handled = true;
    }

    private void SetInput(string text)
    {
        Input.Text = text;
        Input.MoveEnd();
    }
}
