// A player's own seed for one incident: HMAC(secret, event id, player, incident), first 8 bytes.
// Two players never share a box, so a log copied from another player replays on the wrong one.
using System.Buffers.Binary;

namespace MemQuest.Scenarios.Events;

public static class SeedVariant
{
    public static ulong Derive(EventSecret secret, string eventId, string player, string incidentId) =>
        BinaryPrimitives.ReadUInt64LittleEndian(secret.Mac("seed", eventId, player, incidentId));
}
