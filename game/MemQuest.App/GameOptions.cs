// How the game starts: `--plain` forces the line console; `--16-colors` starts in 16-colour mode.
namespace MemQuest.App;

public sealed record GameOptions(bool Plain = false, bool SixteenColors = false);
