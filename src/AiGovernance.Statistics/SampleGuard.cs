using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Argument checks shared by the statistics functions.</summary>
internal static class SampleGuard
{
    /// <summary>Throws when the sample is empty or holds a NaN or an infinity, naming the first bad index.</summary>
    public static void ThrowIfEmptyOrNotFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The sample is empty; at least one value is required.", paramName);
        }

        ThrowIfNotFinite(values, paramName);
    }

    /// <summary>Throws when the sample holds a NaN or an infinity, naming the first bad index.</summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"The sample holds {values[i]} at index {i}; only finite values are accepted (remove or impute missing values first).",
                    paramName);
            }
        }
    }

    /// <summary>Throws when <paramref name="alternative"/> is not a defined value.</summary>
    public static void ThrowIfUndefined(Alternative alternative, [CallerArgumentExpression(nameof(alternative))] string? paramName = null)
    {
        if (alternative is not (Alternative.TwoSided or Alternative.Less or Alternative.Greater))
        {
            throw new ArgumentOutOfRangeException(paramName, alternative, "Unknown alternative hypothesis.");
        }
    }
}
