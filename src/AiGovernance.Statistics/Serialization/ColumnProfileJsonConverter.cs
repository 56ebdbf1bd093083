using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiGovernance.Statistics;

/// <summary>Reads and writes <see cref="ColumnProfile"/>, validating that the parts are consistent on read.</summary>
internal sealed class ColumnProfileJsonConverter : JsonConverter<ColumnProfile>
{
    public override ColumnProfile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var data = JsonSerializer.Deserialize(ref reader, StatisticsDataJsonContext.Default.ColumnProfileData)
            ?? throw new JsonException("A profile must be an object.");
        try
        {
            return ColumnProfile.FromData(data);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"Invalid column profile: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, ColumnProfile value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value.ToData(), StatisticsDataJsonContext.Default.ColumnProfileData);
    }
}
