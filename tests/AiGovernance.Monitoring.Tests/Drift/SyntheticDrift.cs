using AiGovernance.Monitoring.Data;

namespace AiGovernance.Monitoring.Tests.Drift;

/// <summary>Seeded synthetic reference and current windows with drift injected into known columns.</summary>
internal static class SyntheticDrift
{
    private static readonly string[] Regions = ["north", "south", "east"];
    private static readonly string[] RegionsWithWest = ["north", "south", "east", "west"];
    private static readonly string[] Plans = ["basic", "premium"];

    public static TabularData Reference(int rows, int seed) => Build(rows, seed, drift: false);

    public static TabularData Drifted(int rows, int seed) => Build(rows, seed, drift: true);

    /// <summary>
    /// income: mean shift +0.5 sd; tenure: sd doubled; region: new category 'west' at 20%; score: missing 2% → 25%;
    /// age, member (binary numeric) and plan (binary categorical) unchanged.
    /// </summary>
    private static TabularData Build(int rows, int seed, bool drift)
    {
        var member = Synthetic.Normal(rows, 0, 1, seed + 5).Select(z => z > 0.5 ? 1.0 : 0.0).ToArray();
        return TabularData.CreateBuilder()
            .AddNumeric("income", Synthetic.Normal(rows, drift ? 55 : 50, 10, seed))
            .AddNumeric("age", Synthetic.Normal(rows, 40, 12, seed + 1))
            .AddNumeric("tenure", Synthetic.Normal(rows, 10, drift ? 4 : 2, seed + 2))
            .AddCategorical("region", drift
                ? Synthetic.Categories(rows, RegionsWithWest, [0.4, 0.24, 0.16, 0.2], seed + 3)
                : Synthetic.Categories(rows, Regions, [0.5, 0.3, 0.2], seed + 3))
            .AddNumeric("score", Synthetic.WithMissing(Synthetic.Normal(rows, 0, 1, seed + 4), drift ? 0.25 : 0.02, seed + 6))
            .AddNumeric("member", member)
            .AddCategorical("plan", Synthetic.Categories(rows, Plans, [0.7, 0.3], seed + 7))
            .Build();
    }
}
