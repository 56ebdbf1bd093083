using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>Throws when the sample is empty or holds a NaN or an infinity, naming the first bad index; otherwise
    /// returns its smallest and largest value from the same pass.</summary>
    public static void ThrowIfEmptyOrNotFinite(
        ReadOnlySpan<double> values,
        out double minimum,
        out double maximum,
        [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The sample is empty; at least one value is required.", paramName);
        }

        if (!IsFinite(values, out minimum, out maximum))
        {
            ThrowAtFirstNonFinite(values, paramName);
        }
    }

    /// <summary>Throws when the sample holds a NaN or an infinity, naming the first bad index.</summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        if (!IsFinite(values, out _, out _))
        {
            ThrowAtFirstNonFinite(values, paramName);
        }
    }

    /// <summary>Whether every value is finite, with the smallest and largest value (meaningless when not all are
    /// finite; ±0 may come out as either zero). One SIMD pass: x − x is +0 for every finite x and NaN otherwise, so a
    /// running sum of x − x stays 0 exactly while all values are finite.</summary>
    internal static bool IsFinite(ReadOnlySpan<double> values, out double minimum, out double maximum)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity, check = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= 2 * Vector256<double>.Count)
        {
            ref var first = ref MemoryMarshal.GetReference(values);
            var width = Vector256<double>.Count;
            var lows = Vector256.Create(double.PositiveInfinity);
            var highs = Vector256.Create(double.NegativeInfinity);
            var checks = Vector256<double>.Zero;
            for (; i + (2 * width) <= values.Length; i += 2 * width)
            {
                var a = Vector256.LoadUnsafe(ref first, (nuint)i);
                var b = Vector256.LoadUnsafe(ref first, (nuint)(i + width));
                checks += (a - a) + (b - b);
                lows = Vector256.MinNative(lows, Vector256.MinNative(a, b));
                highs = Vector256.MaxNative(highs, Vector256.MaxNative(a, b));
            }

            for (var lane = 0; lane < width; lane++)
            {
                check += checks[lane];
                low = Math.Min(low, lows[lane]);
                high = Math.Max(high, highs[lane]);
            }
        }

        for (; i < values.Length; i++)
        {
            var value = values[i];
            check += value - value;
            low = value < low ? value : low;
            high = value > high ? value : high;
        }

        minimum = low;
        maximum = high;
        return check == 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAtFirstNonFinite(ReadOnlySpan<double> values, string? paramName)
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
