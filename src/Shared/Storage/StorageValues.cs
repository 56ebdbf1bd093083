using System.Buffers;
using System.Text;
using System.Text.Json;
using AiGovernance.Core;

namespace AiGovernance.Shared;

/// <summary>How the SQL stores write values that must read back exactly: instants as UTC ticks plus the offset in minutes,
/// JSON payloads in the canonical (compact) form the audit chain hashes, digests as hex.</summary>
internal static class StorageValues
{
    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static int OffsetMinutes(DateTimeOffset value) => (int)value.Offset.TotalMinutes;

    public static DateTimeOffset Instant(long utcTicks, int offsetMinutes = 0)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }

    public static string? CanonicalJson(JsonElement? element)
    {
        if (element is not { } value)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static JsonElement? ParseJson(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string? DigestText(Sha256Digest digest) => digest.IsEmpty ? null : digest.ToString();

    public static Sha256Digest Digest(string? text) => text is null ? default : Sha256Digest.Parse(text);
}
