// A one-line question drawn over the screen (a profile name, a file path): Enter answers with the
// typed text, Esc cancels. Not modal, like ConfirmOverlay, so headless tests drive it with keys.
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MemQuest.App.Views;

public sealed class PromptOverlay : View
{
    private readonly Label _question = new() { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(3) };
    private readonly TextField _field = new() { X = 1, Y = Pos.AnchorEnd(3), Width = Dim.Fill(1) };
    private readonly Label _keys = new() { Text = "Enter: OK    Esc: cancel", X = 1, Y = Pos.AnchorEnd(1) };
    private Action<string>? _onAnswer;

    public PromptOverlay()
    {
        BorderStyle = LineStyle.Double;
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Percent(90);
        Visible = false;
        CanFocus = true;
        Add(_question, _field, _keys);
        _field.Accepting += (_, e) => { Answer(); e.Handled = true; };
        KeyDown += (_, k) =>
        {
            if (!Visible) return;
            if (k == Key.Enter) { Answer(); k.Handled = true; }
            else if (k == Key.Esc) { Cancel(); k.Handled = true; }
        };
    }

    /// <summary>The question was answered or cancelled (the screen gives the focus back).</summary>
    public event Action? Closed;

    public bool IsOpen => Visible;
    public string Typed => _field.Text;

    public void Ask(string title, string question, string initial, Action<string> onAnswer)
    {
        Title = title;
        int width = (App?.Screen.Width ?? 80) * 9 / 10 - 4;
        _question.Text = Presentation.TextWrap.Wrap(question, Math.Max(20, width));
        _field.Text = initial;
        _onAnswer = onAnswer;
        Height = _question.Text.Split('\n').Length + 5;
        Visible = true;
        _field.SetFocus();
        _field.MoveEnd();
        SetNeedsDraw();
    }

    private void Answer()
    {
        Action<string>? a = _onAnswer;
        string text = _field.Text;
        Close();
        a?.Invoke(text);
    }

    private void Cancel() => Close();

    private void Close()
    {
        Visible = false;
        _onAnswer = null;
        Closed?.Invoke();
    }
}
