using System.Text.Json;

namespace AiGovernance.Statistics.Tests;

/// <summary>The distribution-shape reference file (TestData/shape_reference.py → shape_reference.json), parsed once.</summary>
internal static class ShapeData
{
    private static readonly Lazy<JsonElement> s_root = new(() => Reference.Load("shape_reference.json"));

    public static JsonElement Section(string name) => s_root.Value.GetProperty(name);

    /// <summary>A stored sample: verbatim values or a weyl sequence rebuilt bit for bit.</summary>
    public static double[] Sample(JsonElement stored)
    {
        if (stored.TryGetProperty("values", out var values))
        {
            return Reference.GetDoubles(values);
        }

        var spec = stored.GetProperty("weyl");
        var n = spec.GetProperty("n").GetInt32();
        var alpha = spec.GetProperty("alpha").GetDouble();
        var offset = spec.GetProperty("offset").GetDouble();
        var scale = spec.GetProperty("scale").GetDouble();
        var shift = spec.GetProperty("shift").GetDouble();
        var levels = spec.TryGetProperty("levels", out var l) ? l.GetDouble() : 0;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            double index = i;
            var fraction = ((index * alpha) + offset) % 1.0;
            if (levels > 0)
            {
                fraction = Math.Floor(fraction * levels);
            }

            result[i] = shift + (scale * fraction);
        }

        return result;
    }

    public static CramerVonMisesMethod CvmMethod(string value) => value switch
    {
        "auto" => CramerVonMisesMethod.Auto,
        "exact" => CramerVonMisesMethod.Exact,
        "asymptotic" => CramerVonMisesMethod.Asymptotic,
        _ => throw new FormatException(value),
    };
}
