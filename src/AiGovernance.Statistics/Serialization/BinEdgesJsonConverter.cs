using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiGovernance.Statistics;

/// <summary>Reads and writes <see cref="BinEdges"/> as <c>{"cutPoints":[…]}</c>, validating on read.</summary>
internal sealed class BinEdgesJsonConverter : JsonConverter<BinEdges>
{
    public override BinEdges Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var data = JsonSerializer.Deserialize(ref reader, StatisticsDataJsonContext.Default.BinEdgesData)
            ?? throw new JsonException("Bin edges must be an object.");
        if (data.CutPoints is null)
        {
            throw new JsonException("Bin edges need a 'cutPoints' array.");
        }

        try
        {
            return BinEdges.FromCutPoints(data.CutPoints);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"Invalid bin edges: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, BinEdges value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, new BinEdgesData { CutPoints = value.CutPoints.ToArray() }, StatisticsDataJsonContext.Default.BinEdgesData);
    }
}
