using System.Text.Json;

namespace AiGovernance.Scorecards;

/// <summary>Reads the JSON written by <see cref="ScorecardReport.ToJson"/> back into a report, without reflection.</summary>
internal static class ScorecardReportJsonReader
{
    public static ScorecardReport Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var dimensionsJson = Required(root, "dimensions");
            if (dimensionsJson.ValueKind != JsonValueKind.Array || dimensionsJson.GetArrayLength() != ScorecardDimensions.Dimensions.Length)
            {
                throw new JsonException("'dimensions' must list the four dimensions.");
            }

            var dimensions = new DimensionScore[ScorecardDimensions.Dimensions.Length];
            var i = 0;
            foreach (var d in dimensionsJson.EnumerateArray())
            {
                var dimension = Enum<ScorecardDimension>(Required(d, "dimension"));
                if (dimension != ScorecardDimensions.Dimensions[i])
                {
                    throw new JsonException($"Dimension {i} must be {ScorecardDimensions.Dimensions[i]}, not {dimension}.");
                }

                var metrics = new List<MetricScore>();
                foreach (var m in Required(d, "metrics").EnumerateArray())
                {
                    metrics.Add(Metric(m));
                }

                var missing = new List<string>();
                foreach (var name in Required(d, "missingMetrics").EnumerateArray())
                {
                    missing.Add(name.GetString() ?? throw new JsonException("A missing metric's name is null."));
                }

                dimensions[i++] = new DimensionScore(
                    dimension,
                    Required(d, "weight").GetDouble(),
                    Required(d, "effectiveWeight").GetDouble(),
                    OptionalDouble(d, "score"),
                    OptionalDouble(d, "previousScore"),
                    metrics.AsReadOnly(),
                    missing.AsReadOnly());
            }

            var weaknesses = new List<ScorecardWeakness>();
            foreach (var w in Required(root, "weaknesses").EnumerateArray())
            {
                var metrics = new List<MetricScore>();
                foreach (var m in Required(w, "metrics").EnumerateArray())
                {
                    metrics.Add(Metric(m));
                }

                weaknesses.Add(new ScorecardWeakness(Enum<ScorecardDimension>(Required(w, "dimension")), Required(w, "score").GetDouble(),
                    metrics.AsReadOnly()));
            }

            var warnings = new List<string>();
            foreach (var warning in Required(root, "warnings").EnumerateArray())
            {
                warnings.Add(warning.GetString() ?? "");
            }

            return new ScorecardReport(
                RequiredString(root, "systemName"),
                RequiredString(root, "period"),
                root.TryGetProperty("previousPeriod", out var previous) ? previous.GetString() : null,
                Required(root, "weaknessThreshold").GetDouble(),
                OptionalDouble(root, "overallHealth"),
                OptionalDouble(root, "previousOverallHealth"),
                dimensions,
                weaknesses.AsReadOnly(),
                warnings.AsReadOnly());
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // Wrong value kinds (GetDouble on a string, for example) and invalid metric definitions.
            throw new JsonException($"Not a scorecard report: {ex.Message}", ex);
        }
    }

    private static MetricScore Metric(JsonElement m)
    {
        var definition = Required(m, "metric");
        var metric = new ScorecardMetric(
            RequiredString(definition, "name"),
            Enum<ScorecardDimension>(Required(definition, "dimension")),
            Enum<MetricDirection>(Required(definition, "direction")),
            Required(definition, "floor").GetDouble(),
            Required(definition, "target").GetDouble(),
            definition.TryGetProperty("description", out var description) ? description.GetString() : null);
        return new MetricScore(metric, Required(m, "value").GetDouble(), Required(m, "score").GetDouble());
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new JsonException($"Missing property '{name}'.");

    private static string RequiredString(JsonElement element, string name) =>
        Required(element, name).GetString() ?? throw new JsonException($"Property '{name}' is null.");

    private static double? OptionalDouble(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;

    private static T Enum<T>(JsonElement element)
        where T : struct, Enum =>
        System.Enum.TryParse<T>(element.GetString(), ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new JsonException($"'{element}' is not a {typeof(T).Name}.");
}
