using System.Text.Json;

namespace AiGovernance.Statistics.Tests.Clustered;

/// <summary>TestData/clustered_reference.json, written by clustered_reference.py (NumPy/SciPy 1.10.1).</summary>
internal static class ClusteredReference
{
    private static readonly Lazy<JsonElement> s_root = new(() => Reference.Load("clustered_reference.json"));

    public static IEnumerable<JsonElement> Section(string name) => s_root.Value.GetProperty(name).EnumerateArray();

    public static double D(this JsonElement element, string name) => Reference.GetDouble(element.GetProperty(name));

    public static double[] Doubles(this JsonElement element, string name) => Reference.GetDoubles(element.GetProperty(name));

    public static long[] Longs(this JsonElement element, string name) =>
        [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetInt64())];
}
