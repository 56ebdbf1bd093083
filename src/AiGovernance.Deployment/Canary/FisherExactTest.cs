using MathNet.Numerics.Distributions;

namespace AiGovernance.Deployment.Canary;

/// <summary>Fisher's exact test on a 2×2 table of errors and successes, two-sided as SciPy's <c>fisher_exact</c>.</summary>
internal static class FisherExactTest
{
    /// <summary>The two-sided p-value: the total hypergeometric probability of tables no more likely than the observed
    /// one (within a relative 1e-7, as SciPy), with the margins fixed.</summary>
    /// <param name="errors1">Errors in the first arm.</param>
    /// <param name="trials1">Requests in the first arm.</param>
    /// <param name="errors2">Errors in the second arm.</param>
    /// <param name="trials2">Requests in the second arm.</param>
    /// <returns>The p-value in [0, 1].</returns>
    public static double TwoSided(long errors1, long trials1, long errors2, long trials2)
    {
        var population = checked((int)(trials1 + trials2));
        var successes = checked((int)(errors1 + errors2));
        var draws = checked((int)trials1);
        var observed = (int)errors1;
        var low = Math.Max(0, draws - (population - successes));
        var high = Math.Min(successes, draws);
        var observedLn = Hypergeometric.PMFLn(population, successes, draws, observed);
        var cutoff = observedLn + Math.Log(1 + 1e-7);
        double p = 0;
        for (var k = low; k <= high; k++)
        {
            var ln = Hypergeometric.PMFLn(population, successes, draws, k);
            if (ln <= cutoff)
            {
                p += Math.Exp(ln);
            }
        }

        return Math.Clamp(p, 0.0, 1.0);
    }
}
