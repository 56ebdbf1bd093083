using System.Globalization;
using System.Text.Json;
using AiGovernance.Shared;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Reads the body of Prometheus' <c>/api/v1/query</c> (https://prometheus.io/docs/prometheus/latest/querying/api/):
/// <c>{"status":"success","data":{"resultType":"vector","result":[{"metric":{...},"value":[t,"v"]}]}}</c>, or
/// <c>{"status":"error","errorType":"...","error":"..."}</c>.</summary>
/// <remarks>Sample values are strings in Go's float format, with the special values <c>NaN</c>, <c>+Inf</c> and <c>-Inf</c>
/// parsed explicitly (the invariant culture spells infinity differently). Text from the response shown in a message is
/// bounded and escaped.</remarks>
internal static class PrometheusQueryResponse
{
    /// <summary>Parses a response into (le label, value) samples.</summary>
    /// <exception cref="CanaryMetricException">The response is an error, not JSON, or not a vector or scalar.</exception>
    public static List<(string? Le, double Value)> Parse(byte[] body, int statusCode, string promQl, Uri server)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new CanaryMetricException($"Prometheus at {server} answered query '{promQl}' with HTTP {statusCode} and a body that is not JSON " +
                $"(line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()
                : null;
            if (status != "success" || statusCode < 200 || statusCode > 299)
            {
                var errorType = Text(root, "errorType");
                var error = Text(root, "error");
                throw new CanaryMetricException($"Prometheus at {server} answered query '{promQl}' with HTTP {statusCode}, status " +
                    $"{UntrustedText.Quote(status)}: {UntrustedText.Quote(errorType)}: {UntrustedText.Bound(error ?? "(no message)", 500)}");
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty("resultType", out var typeElement) || !data.TryGetProperty("result", out var result))
            {
                throw new CanaryMetricException($"Prometheus at {server} answered query '{promQl}' without data.resultType and data.result.");
            }

            var resultType = typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
            return resultType switch
            {
                "vector" when result.ValueKind == JsonValueKind.Array => Vector(result, promQl),
                "scalar" => [(null, SampleValue(result, promQl))],
                _ => throw new CanaryMetricException($"Query '{promQl}' returned a {UntrustedText.Quote(resultType)} result; an instant vector or " +
                    "scalar is needed (a range selector [..] must be wrapped in a function such as increase())."),
            };
        }
    }

    /// <summary>Parses a Prometheus float: Go's format plus <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>; null when not a number.</summary>
    public static double? ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    private static List<(string? Le, double Value)> Vector(JsonElement result, string promQl)
    {
        var samples = new List<(string? Le, double Value)>(result.GetArrayLength());
        foreach (var series in result.EnumerateArray())
        {
            string? le = null;
            if (series.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.Object
                && metric.TryGetProperty("le", out var leElement) && leElement.ValueKind == JsonValueKind.String)
            {
                le = leElement.GetString();
            }

            if (!series.TryGetProperty("value", out var value))
            {
                throw new CanaryMetricException($"Query '{promQl}' returned a series without a value (a native histogram?); classic " +
                    "counters and _bucket series are needed.");
            }

            samples.Add((le, SampleValue(value, promQl)));
        }

        return samples;
    }

    private static double SampleValue(JsonElement pair, string promQl)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[1].ValueKind != JsonValueKind.String)
        {
            throw new CanaryMetricException($"Query '{promQl}' returned a sample that is not [time, \"value\"].");
        }

        var text = pair[1].GetString()!;
        return ParseValue(text)
            ?? throw new CanaryMetricException($"Query '{promQl}' returned the sample value {UntrustedText.Quote(text)}, not a number.");
    }

    private static string? Text(JsonElement root, string property) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : null;
}
