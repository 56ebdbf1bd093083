using System.Buffers;

namespace AiGovernance.Statistics;

/// <summary>Adjusts p-values for multiple comparisons (<c>statsmodels.stats.multitest.multipletests</c>, 0.13.5).</summary>
public static class MultipleTesting
{
    /// <summary>Adjusted p-values, in input order.</summary>
    /// <param name="pValues">Raw p-values in [0, 1].</param>
    /// <param name="method">The correction.</param>
    /// <returns>A new array of adjusted p-values, each ≥ its raw value and ≤ 1; reject hypothesis i at level α when
    /// adjusted[i] ≤ α.</returns>
    /// <remarks>
    /// With m tests and p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted ascending: <see cref="MultipleTestingMethod.None"/> pᵢ; Bonferroni min(1, m·pᵢ); Holm
    /// p̃₍ᵢ₎ = min(1, max_{j≤i} (m − j + 1)·p₍ⱼ₎); Benjamini–Hochberg p̃₍ᵢ₎ = min(1, min_{j≥i} m·p₍ⱼ₎/j). Tied raw p-values
    /// get equal adjusted values whatever their order. O(m log m) for one sort; the index scratch is pooled.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="pValues"/> is empty or holds a value that is NaN or outside [0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined.</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues, MultipleTestingMethod method)
    {
        if (pValues.IsEmpty)
        {
            throw new ArgumentException("There are no p-values to adjust.", nameof(pValues));
        }

        for (var i = 0; i < pValues.Length; i++)
        {
            if (!(pValues[i] >= 0 && pValues[i] <= 1))
            {
                throw new ArgumentException($"The p-value at index {i} is {pValues[i]}; p-values must lie in [0, 1].", nameof(pValues));
            }
        }

        if (method is not (MultipleTestingMethod.Bonferroni or MultipleTestingMethod.Holm or MultipleTestingMethod.BenjaminiHochberg
            or MultipleTestingMethod.None))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown multiple-testing method.");
        }

        if (method == MultipleTestingMethod.None)
        {
            return pValues.ToArray();
        }

        var m = pValues.Length;
        var adjusted = new double[m];
        if (method == MultipleTestingMethod.Bonferroni)
        {
            for (var i = 0; i < m; i++)
            {
                adjusted[i] = Math.Min(1, pValues[i] * m);
            }

            return adjusted;
        }

        var keys = ArrayPool<double>.Shared.Rent(m);
        var order = ArrayPool<int>.Shared.Rent(m);
        try
        {
            var sortedP = keys.AsSpan(0, m);
            var index = order.AsSpan(0, m);
            pValues.CopyTo(sortedP);
            for (var i = 0; i < m; i++)
            {
                index[i] = i;
            }

            sortedP.Sort(index);
            if (method == MultipleTestingMethod.Holm)
            {
                double running = 0;
                for (var i = 0; i < m; i++)
                {
                    running = Math.Max(running, sortedP[i] * (m - i));
                    adjusted[index[i]] = Math.Min(1, running);
                }
            }
            else
            {
                var running = double.PositiveInfinity;
                for (var i = m - 1; i >= 0; i--)
                {
                    running = Math.Min(running, sortedP[i] / ((i + 1.0) / m));
                    adjusted[index[i]] = Math.Min(1, running);
                }
            }

            return adjusted;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }
    }
}
