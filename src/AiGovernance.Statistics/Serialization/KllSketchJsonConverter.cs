using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiGovernance.Statistics;

/// <summary>Reads and writes <see cref="KllSketch"/> (parameters, count, extremes, levels and compaction counts), validating on read.</summary>
internal sealed class KllSketchJsonConverter : JsonConverter<KllSketch>
{
    public override KllSketch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var data = JsonSerializer.Deserialize(ref reader, StatisticsDataJsonContext.Default.KllSketchData)
            ?? throw new JsonException("A sketch must be an object.");
        try
        {
            return KllSketch.FromState(
                data.K,
                data.Seed,
                data.Count,
                data.Minimum,
                data.Maximum,
                data.Levels ?? throw new JsonException("A sketch needs its 'levels'."),
                data.Compactions ?? throw new JsonException("A sketch needs its 'compactions'."));
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"Invalid sketch: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, KllSketch value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var levels = new double[value.LevelCount][];
        var compactions = new long[value.LevelCount];
        for (var h = 0; h < levels.Length; h++)
        {
            levels[h] = [.. value.LevelItems(h)];
            compactions[h] = value.CompactionsAt(h);
        }

        var data = new KllSketchData
        {
            K = value.K,
            Seed = value.Seed,
            Count = value.Count,
            Minimum = value.Minimum,
            Maximum = value.Maximum,
            Levels = levels,
            Compactions = compactions,
        };
        JsonSerializer.Serialize(writer, data, StatisticsDataJsonContext.Default.KllSketchData);
    }
}
