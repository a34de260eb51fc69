// A throwaway content root for loader and lint tests: copies the test content, then lets a test
// add or overwrite one file.
namespace MemQuest.Scenarios.Tests;

internal sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "memquest-content-" + Guid.NewGuid().ToString("N"));
        foreach (string file in Directory.GetFiles(TestContentRoot.Test, "*.yaml", SearchOption.AllDirectories))
        {
            string target = Path.Combine(Root, Path.GetRelativePath(TestContentRoot.Test, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The netcap test scenario with one text replacement applied.</summary>
    public string EditScenario(string from, string to)
    {
        string path = Path.Combine(Root, "scenarios", "010-netcap-buffer.yaml");
        string text = File.ReadAllText(path);
        if (!text.Contains(from, StringComparison.Ordinal)) throw new ArgumentException($"'{from}' is not in the test scenario");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
