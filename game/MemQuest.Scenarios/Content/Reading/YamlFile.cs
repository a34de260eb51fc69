// Parses one content file into its top-level mapping, turning YAML syntax errors (bad indentation,
// duplicate keys, tabs) into ContentErrors at the line and column YamlDotNet reports.
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MemQuest.Scenarios.Content.Reading;

internal static class YamlFile
{
    public static YamlMap? Parse(string text, string file, List<ContentError> errors, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            string why = e.InnerException?.Message ?? e.Message;
            errors.Add(new ContentError(file, (int)e.Start.Line, (int)e.Start.Column, $"YAML syntax error: {why}; fix the indentation or quoting there"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ContentError(file, 1, 1, $"a {what} file must be one YAML mapping (key: value lines); see content/README.md"));
            return null;
        }
        return new YamlMap(root, file, errors, $"the {what}");
    }
}
