// Receipt: a zone's free pages went below (or back above) one of its watermarks, kernel-spec §3.4, §3.6.
namespace MemQuest.Engine.Events;

public sealed record WatermarkCrossed(long Tick, string Zone, string Watermark, long WatermarkPages, long FreePages, bool Below)
    : KernelEvent(Tick)
{
    public override string Describe() =>
        $"watermark: {Zone} free {FreePages} pages is now {(Below ? "below" : "above")} {Watermark} ({WatermarkPages} pages)";
}
