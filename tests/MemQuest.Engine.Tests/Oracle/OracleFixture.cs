// Loads a JSON fixture measured on a real 6.18 kernel (copied from shared/oracle/fixtures).
using System.Text.Json;

namespace MemQuest.Engine.Tests.Oracle;

internal static class OracleFixture
{
    public static JsonElement Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Oracle", "Fixtures", name);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    public static string Output(string fixture, string key) => Load(fixture).GetProperty("outputs").GetProperty(key).GetString()!;
}
