// Word wrap for the title screen's notes and questions: lines no wider than asked, broken at
// spaces (a word longer than the width, such as a long path, keeps its own line). Pure.
namespace MemQuest.App.Presentation;

public static class TextWrap
{
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = "";
            foreach (string word in paragraph.Split(' '))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line); line = ""; }
                line = line.Length == 0 ? word : line + " " + word;
            }
            lines.Add(line);
        }
        return string.Join("\n", lines);
    }
}
