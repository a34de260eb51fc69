// Before the save store held the unfinished incident, the game kept it in saves/resume-run.json.
// At the first start with a profile, that file's log moves into the save (once) and the file is
// deleted; a file that no longer reads is left alone for the player to inspect.
using MemQuest.Scenarios.Play.Replay;

namespace MemQuest.App.Saves;

public static class ResumeFileMigration
{
    public const string FileName = "resume-run.json";

    /// <summary>True when a kept incident was moved into the save.</summary>
    public static bool Run(GameSaves saves)
    {
        string path = Path.Combine(saves.Directory, FileName);
        if (!saves.CanWrite || saves.Profile is null || !File.Exists(path)) return false;
        try
        {
            SessionLog? log = RunFile.Read(File.ReadAllText(path), out _);
            if (log is null) return false;
            if (saves.LatestUnfinished() is null) saves.SaveUnfinished(new PlayKey(log.ScenarioId).Id, RunRecords.ToRunLog(log));
            if (saves.Problem is not null) return false;
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
