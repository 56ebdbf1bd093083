using AiGovernance.Monitoring.Data;

namespace AiGovernance.Monitoring.Tests.Drift;

/// <summary>Loan applications where income and loan amount move together (ρ = +0.8) in the reference and in opposite
/// directions (ρ = −0.8) after the shift, every marginal unchanged: income ~ N(50k, 12k), loan ~ N(20k, 6k), age and
/// tenure independent normals, region independent of everything (north/south/west at 50/30/20 %).</summary>
internal static class CorrelationFlip
{
    private static readonly string[] Regions = ["north", "south", "west"];

    public static TabularData Window(int rows, double rho, int seed)
    {
        var a = Synthetic.Normal(rows, 0, 1, seed);
        var b = Synthetic.Normal(rows, 0, 1, seed + 1);
        var c = Math.Sqrt(1 - (rho * rho));
        return TabularData.CreateBuilder()
            .AddNumeric("income", a.Select(v => 50_000 + (12_000 * v)).ToArray())
            .AddNumeric("loan_amount", a.Zip(b, (u, v) => 20_000 + (6_000 * ((rho * u) + (c * v)))).ToArray())
            .AddNumeric("age", Synthetic.Normal(rows, 42, 10, seed + 2))
            .AddNumeric("tenure", Synthetic.Normal(rows, 6, 2, seed + 3))
            .AddCategorical("region", Synthetic.Categories(rows, Regions, [0.5, 0.3, 0.2], seed + 4))
            .Build();
    }

    /// <summary>The reference's own values with loan amounts re-paired so that their ranks follow −0.8·income + noise:
    /// every column holds exactly the reference's multiset of values (all univariate statistics are exactly zero), only the
    /// pairing of income and loan amount has flipped.</summary>
    public static TabularData RepairedFlip(TabularData reference, int seed)
    {
        var income = ((NumericColumn)reference["income"]).Values.ToArray();
        var loans = ((NumericColumn)reference["loan_amount"]).Values.ToArray();
        var noise = Synthetic.Normal(income.Length, 0, 1, seed);
        var incomeZ = income.Select(v => (v - 50_000) / 12_000).ToArray();
        var target = incomeZ.Zip(noise, (u, e) => (-0.8 * u) + (0.6 * e)).ToArray();
        var order = Enumerable.Range(0, target.Length).OrderBy(i => target[i]).ToArray();
        var sortedLoans = loans.Order().ToArray();
        var repaired = new double[loans.Length];
        for (var k = 0; k < order.Length; k++)
        {
            repaired[order[k]] = sortedLoans[k];
        }

        var builder = TabularData.CreateBuilder().AddNumeric("income", income).AddNumeric("loan_amount", repaired);
        foreach (var name in new[] { "age", "tenure" })
        {
            builder.AddNumeric(name, ((NumericColumn)reference[name]).Values);
        }

        var region = (CategoricalColumn)reference["region"];
        return builder.AddCategorical("region", region.Codes, region.Categories).Build();
    }
}
