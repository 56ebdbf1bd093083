using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AiGovernance.Statistics;

/// <summary>Vectorised distance and dot-product kernels over rows of a row-major matrix (double, or float widened to
/// double so that sums of hundreds of squared differences keep double precision).</summary>
internal static class RowKernels
{
    /// <summary>Σ(a_k − b_k)², the squared Euclidean distance computed from differences (no ‖a‖² + ‖b‖² − 2a·b
    /// cancellation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        var i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= 8)
        {
            var s0 = Vector256<double>.Zero;
            var s1 = Vector256<double>.Zero;
            for (; i + 8 <= a.Length; i += 8)
            {
                var d0 = Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i);
                var d1 = Vector256.LoadUnsafe(ref pa, (nuint)(i + 4)) - Vector256.LoadUnsafe(ref pb, (nuint)(i + 4));
                s0 += d0 * d0;
                s1 += d1 * d1;
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < a.Length; i++)
        {
            var d = Unsafe.Add(ref pa, i) - Unsafe.Add(ref pb, i);
            sum += d * d;
        }

        return sum;
    }

    /// <summary>Σ(a_k − b_k)² of float rows, each element widened to double before subtracting.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        var i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= 8)
        {
            var s0 = Vector256<double>.Zero;
            var s1 = Vector256<double>.Zero;
            for (; i + 8 <= a.Length; i += 8)
            {
                var (al, ah) = Vector256.Widen(Vector256.LoadUnsafe(ref pa, (nuint)i));
                var (bl, bh) = Vector256.Widen(Vector256.LoadUnsafe(ref pb, (nuint)i));
                var d0 = al - bl;
                var d1 = ah - bh;
                s0 += d0 * d0;
                s1 += d1 * d1;
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < a.Length; i++)
        {
            var d = (double)Unsafe.Add(ref pa, i) - Unsafe.Add(ref pb, i);
            sum += d * d;
        }

        return sum;
    }

    /// <summary>Σ a_k·b_k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        var i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= 8)
        {
            var s0 = Vector256<double>.Zero;
            var s1 = Vector256<double>.Zero;
            for (; i + 8 <= a.Length; i += 8)
            {
                s0 += Vector256.LoadUnsafe(ref pa, (nuint)i) * Vector256.LoadUnsafe(ref pb, (nuint)i);
                s1 += Vector256.LoadUnsafe(ref pa, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref pb, (nuint)(i + 4));
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < a.Length; i++)
        {
            sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
        }

        return sum;
    }

    /// <summary>target += factor·source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        ref var pt = ref MemoryMarshal.GetReference(target);
        ref var ps = ref MemoryMarshal.GetReference(source);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && target.Length >= 4)
        {
            var f = Vector256.Create(factor);
            for (; i + 4 <= target.Length; i += 4)
            {
                (Vector256.LoadUnsafe(ref pt, (nuint)i) + (f * Vector256.LoadUnsafe(ref ps, (nuint)i))).StoreUnsafe(ref pt, (nuint)i);
            }
        }

        for (; i < target.Length; i++)
        {
            Unsafe.Add(ref pt, i) += factor * Unsafe.Add(ref ps, i);
        }
    }

    /// <summary>Throws unless <paramref name="length"/> is a positive multiple of <paramref name="dimension"/>; returns
    /// the number of rows.</summary>
    public static int Rows(int length, int dimension, string paramName, int minimumRows = 1, string dimensionName = "dimension")
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(dimensionName, dimension, "The dimension (values per row) must be at least 1.");
        }

        if (length % dimension != 0)
        {
            throw new ArgumentException(
                $"The data hold {length} values, which is not a whole number of rows of {dimension} values (row-major layout).", paramName);
        }

        var rows = length / dimension;
        if (rows < minimumRows)
        {
            throw new ArgumentException($"The data hold {rows} row(s); at least {minimumRows} are needed.", paramName);
        }

        return rows;
    }

    /// <summary>Throws when a float row-major matrix holds NaN or an infinity, naming the row and column.</summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<float> values, int dimension, string paramName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Row {i / dimension}, column {i % dimension} holds {values[i]}; only finite values are accepted.", paramName);
            }
        }
    }

    /// <summary>Throws when a double row-major matrix holds NaN or an infinity, naming the row and column.</summary>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, int dimension, string paramName)
    {
        if (SampleGuard.IsFinite(values, out _, out _))
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    $"Row {i / dimension}, column {i % dimension} holds {values[i]}; only finite values are accepted.", paramName);
            }
        }
    }
}
