using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Argument checks for categorical samples and count or probability vectors.</summary>
internal static class DistanceGuard
{
    public static void ThrowIfEmptyOrNull(ReadOnlySpan<string> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The sample is empty; at least one value is required.", paramName);
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                throw new ArgumentException($"The sample holds null at index {i}; remove or label missing categories first.", paramName);
            }
        }
    }

    public static void ThrowIfNegativeOrAllZero(ReadOnlySpan<long> counts, string paramName)
    {
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"The count at index {i} is negative ({counts[i]}).", paramName);
            }

            total += counts[i];
        }

        if (total == 0)
        {
            throw new ArgumentException("All counts are zero; at least one must be positive.", paramName);
        }
    }

    /// <summary>Checks a probability or count vector: non-empty, finite, non-negative, positive finite sum; returns the sum.</summary>
    public static double ThrowIfNotDistribution(ReadOnlySpan<double> weights, [CallerArgumentExpression(nameof(weights))] string? paramName = null)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("The vector is empty.", paramName);
        }

        double total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException($"The vector holds {w} at index {i}; only finite values are accepted.", paramName);
            }

            if (w < 0)
            {
                throw new ArgumentException($"The vector holds a negative value ({w}) at index {i}.", paramName);
            }

            total += w;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            throw new ArgumentException(
                total == 0 ? "All entries are zero, so the vector cannot be normalised." : "The entries sum to infinity.", paramName);
        }

        return total;
    }
}
