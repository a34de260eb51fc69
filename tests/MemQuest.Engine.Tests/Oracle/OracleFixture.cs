// Test helper: loads an oracle fixture copied into Oracle/Fixtures (env / inputs / outputs / checks).
using System.Text.Json;

namespace MemQuest.Engine.Tests.Oracle;

internal static class OracleFixture
{
    public static JsonElement Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Oracle", "Fixtures", file);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }
}
