// How the game starts: `--plain` forces the line console; `--16-colors` starts in 16-colour mode;
// the content folder (as `--content` resolves it) and the saves folder (the LiteDB save, and
// where postmortems are exported).
namespace MemQuest.App;

public sealed record GameOptions(bool Plain = false, bool SixteenColors = false, string? ContentRoot = null, string? SavesDirectory = null);
