// What loading a content root gave: the catalog (of everything that could be read) and every error.
namespace MemQuest.Scenarios.Content;

public sealed record ContentLoadResult(ContentCatalog Catalog, IReadOnlyList<ContentError> Errors)
{
    public bool Ok => Errors.Count == 0;
}
