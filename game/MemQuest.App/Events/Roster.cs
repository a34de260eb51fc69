// Reads the organiser's roster CSV: a header 'name,team,bracket' then one player a line. Names may
// not repeat; teams and brackets are ids and brackets must be the event's.
using MemQuest.Scenarios.Events;

namespace MemQuest.App.Events;

public static class Roster
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The players, or null with the reason (with its line number).</summary>
    public static IReadOnlyList<RosterEntry>? Parse(string text, EventDefinition e, out string? error)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        error = null;
        if (lines.Length == 0 || lines[0].Replace(" ", "") != "name,team,bracket") { error = "line 1 must be the header 'name,team,bracket'"; return null; }
        var players = new List<RosterEntry>();
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != 3) { error = $"line {i + 1}: expected 3 cells (name,team,bracket), found {cells.Length}"; return null; }
            var entry = new RosterEntry(cells[0], cells[1], cells[2]);
            error = Check(entry, e, players);
            if (error is not null) { error = $"line {i + 1}: {error}"; return null; }
            players.Add(entry);
        }
        if (players.Count == 0) error = "the roster lists no players";
        return error is null ? players : null;
    }

    private static string? Check(RosterEntry p, EventDefinition e, List<RosterEntry> before)
    {
        if (!TicketFile.IsPlayerName(p.Name)) return $"name '{p.Name}' must be 1-64 printable characters";
        if (before.Any(b => b.Name == p.Name)) return $"player '{p.Name}' is listed twice";
        if (!EventFile.IsId(p.Team)) return $"team '{p.Team}' must be lower-case letters, digits and dashes";
        return e.Brackets.Contains(p.Bracket) ? null : $"bracket '{p.Bracket}' is not one of the event's: {string.Join(", ", e.Brackets)}";
    }

    /// <summary>A file name for the player's ticket: team and name, anything but letters and digits as '-'.</summary>
    public static string TicketFileName(RosterEntry p) =>
        $"{p.Team}-{new string(p.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())}.ticket.json";
}
