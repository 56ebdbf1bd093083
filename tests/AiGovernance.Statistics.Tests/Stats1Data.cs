using System.Text.Json;

namespace AiGovernance.Statistics.Tests;

/// <summary>The phase-1 reference file (TestData/stats1_reference.py → stats1_reference.json), parsed once.</summary>
internal static class Stats1Data
{
    private static readonly Lazy<JsonElement> s_root = new(() => Reference.Load("stats1_reference.json"));

    public static JsonElement Section(string name) => s_root.Value.GetProperty(name);

    public static Alternative Alternative(JsonElement element) => element.GetString() switch
    {
        "two-sided" => Statistics.Alternative.TwoSided,
        "less" => Statistics.Alternative.Less,
        "greater" => Statistics.Alternative.Greater,
        var s => throw new FormatException(s),
    };

    public static MannWhitneyMethod Method(JsonElement element) => element.GetString() switch
    {
        "auto" => MannWhitneyMethod.Auto,
        "exact" => MannWhitneyMethod.Exact,
        "asymptotic" => MannWhitneyMethod.Asymptotic,
        var s => throw new FormatException(s),
    };

    public static double D(this JsonElement element, string property) => Reference.GetDouble(element.GetProperty(property));

    public static double[] Ds(this JsonElement element, string property) => Reference.GetDoubles(element.GetProperty(property));

    public static string Name(this JsonElement element) => element.TryGetProperty("name", out var n) ? n.GetString() ?? "" : element.ToString();
}
