using System.Text.Json;

namespace AiGovernance.Statistics.Tests.Multivariate;

/// <summary>The multivariate reference file (TestData/multivariate_reference.py → multivariate_reference.json) and seeded
/// Gaussian rows for simulations.</summary>
internal static class MultivariateData
{
    private static readonly Lazy<JsonElement> s_root = new(() => Reference.Load("multivariate_reference.json"));

    public static JsonElement Section(string name) => s_root.Value.GetProperty(name);

    /// <summary>Row-major standard normal rows (Box–Muller over <see cref="SplitMix64Random"/>), shifted by
    /// <paramref name="shift"/> in every column.</summary>
    public static double[] Normal(int rows, int dimension, long seed, double shift = 0)
    {
        var random = new SplitMix64Random(seed);
        var result = new double[rows * dimension];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = shift + Gaussian(ref random);
        }

        return result;
    }

    /// <summary>Rows of two features with correlation <paramref name="rho"/> followed by <paramref name="noise"/>
    /// independent standard normal columns; every marginal is standard normal whatever ρ.</summary>
    public static double[] Correlated(int rows, double rho, int noise, long seed)
    {
        var random = new SplitMix64Random(seed);
        var d = 2 + noise;
        var result = new double[rows * d];
        var c = Math.Sqrt(1 - (rho * rho));
        for (var i = 0; i < rows; i++)
        {
            var a = Gaussian(ref random);
            var b = Gaussian(ref random);
            result[i * d] = a;
            result[(i * d) + 1] = (rho * a) + (c * b);
            for (var k = 2; k < d; k++)
            {
                result[(i * d) + k] = Gaussian(ref random);
            }
        }

        return result;
    }

    public static double Gaussian(ref SplitMix64Random random)
    {
        var u1 = ((random.NextUInt64() >> 11) + 1) * (1.0 / 9007199254740992.0);
        var u2 = (random.NextUInt64() >> 11) * (1.0 / 9007199254740992.0);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
