using System.Text.Json.Serialization;

namespace AiGovernance.Statistics;

/// <summary>Source-generated System.Text.Json metadata for the serialisable statistics types (AOT- and trim-safe).</summary>
/// <remarks>Use <c>JsonSerializer.Serialize(profile, StatisticsJsonContext.Default.ColumnProfile)</c> and
/// <c>JsonSerializer.Deserialize(json, StatisticsJsonContext.Default.ColumnProfile)</c>; the same works for
/// <see cref="BinEdges"/> and <see cref="KllSketch"/>. Reading validates the content (a corrupted file fails with a
/// <see cref="System.Text.Json.JsonException"/> rather than producing a profile that merges wrongly).</remarks>
[JsonSerializable(typeof(BinEdges))]
[JsonSerializable(typeof(KllSketch))]
[JsonSerializable(typeof(ColumnProfile))]
public sealed partial class StatisticsJsonContext : JsonSerializerContext;
