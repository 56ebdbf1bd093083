using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AiGovernance.Statistics;

/// <summary>Counting and gathering kernels over equal-width value buckets b(v) = min(⌊(v − low)·scale⌋, last).</summary>
/// <remarks>b is monotone non-decreasing in v (a rounded subtraction and a multiplication by a positive constant never
/// reverse an order, nor does truncation), so equal values (including −0.0 and +0.0) share a bucket and every value of a
/// bucket is below every value of a later bucket. The SIMD paths compute b with the same IEEE operations as the scalar
/// one, so both give the same bucket. Callers guarantee low ≤ v ≤ high for every value and scale = B/(high − low)
/// finite and positive, so (v − low)·scale never exceeds B by more than rounding.</remarks>
internal static class ValueBuckets
{
    /// <summary>The bucket of <paramref name="value"/> (≥ <paramref name="low"/>): monotone non-decreasing in the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BucketOf(double value, double low, double scale, int last)
    {
        var b = (int)((value - low) * scale);
        return b < last ? b : last;
    }

    /// <summary>Adds the bucket counts of <paramref name="values"/> to <paramref name="counts"/>; <paramref name="simd"/>
    /// false forces the scalar path (what machines without AVX run; tests compare the two).</summary>
    public static void Histogram(ReadOnlySpan<double> values, bool sorted, double low, double scale, int last, Span<int> counts, bool simd = true)
    {
        ref var v = ref MemoryMarshal.GetReference(values);
        ref var c = ref MemoryMarshal.GetReference(counts);
        var n = values.Length;
        var i = 0;
        if (sorted)
        {
            // Buckets never decrease along sorted values: when the first and the fourth of four values share a bucket,
            // so do all four, which spares three increments of the same counter (a dependency chain).
            for (; i + 4 <= n; i += 4)
            {
                var b0 = BucketOf(Unsafe.Add(ref v, i), low, scale, last);
                if (BucketOf(Unsafe.Add(ref v, i + 3), low, scale, last) == b0)
                {
                    Unsafe.Add(ref c, b0) += 4;
                }
                else
                {
                    Unsafe.Add(ref c, b0)++;
                    Unsafe.Add(ref c, BucketOf(Unsafe.Add(ref v, i + 1), low, scale, last))++;
                    Unsafe.Add(ref c, BucketOf(Unsafe.Add(ref v, i + 2), low, scale, last))++;
                    Unsafe.Add(ref c, BucketOf(Unsafe.Add(ref v, i + 3), low, scale, last))++;
                }
            }
        }
        else if (simd && Avx.IsSupported)
        {
            var lows = Vector256.Create(low);
            var scales = Vector256.Create(scale);
            var lasts = Vector128.Create(last);
            for (; i + 8 <= n; i += 8)
            {
                var b = Buckets4(ref v, i, lows, scales, lasts);
                var d = Buckets4(ref v, i + 4, lows, scales, lasts);
                Unsafe.Add(ref c, b.ToScalar())++;
                Unsafe.Add(ref c, b.GetElement(1))++;
                Unsafe.Add(ref c, b.GetElement(2))++;
                Unsafe.Add(ref c, b.GetElement(3))++;
                Unsafe.Add(ref c, d.ToScalar())++;
                Unsafe.Add(ref c, d.GetElement(1))++;
                Unsafe.Add(ref c, d.GetElement(2))++;
                Unsafe.Add(ref c, d.GetElement(3))++;
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref c, BucketOf(Unsafe.Add(ref v, i), low, scale, last))++;
        }
    }

    /// <summary>The buckets of four values starting at <paramref name="index"/>, computed exactly as
    /// <see cref="BucketOf"/> does (the same IEEE subtraction, multiplication and truncation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Buckets4(ref double values, int index, Vector256<double> lows, Vector256<double> scales, Vector128<int> lasts)
    {
        var scaled = Avx.Multiply(Avx.Subtract(Vector256.LoadUnsafe(ref values, (nuint)index), lows), scales);
        return Vector128.Min(Avx.ConvertToVector128Int32WithTruncation(scaled), lasts);
    }

    /// <summary>Copies the values whose bucket is a candidate (<paramref name="slots"/> ≥ 0; every candidate lies in
    /// [<paramref name="firstCandidate"/>, <paramref name="lastCandidate"/>]) to their bucket's next slot in
    /// <paramref name="target"/>; <paramref name="simd"/> false forces the scalar path.</summary>
    public static void Gather(
        ReadOnlySpan<double> values,
        double low,
        double scale,
        int last,
        int firstCandidate,
        int lastCandidate,
        Span<int> slots,
        Span<double> target,
        bool simd = true)
    {
        ref var v = ref MemoryMarshal.GetReference(values);
        ref var s = ref MemoryMarshal.GetReference(slots);
        var i = 0;
        if (simd && Avx.IsSupported)
        {
            // Most values lie outside the candidates' bucket range: test four at a time and look at slots only on a hit.
            var lows = Vector256.Create(low);
            var scales = Vector256.Create(scale);
            var lasts = Vector128.Create(last);
            var firsts = Vector128.Create(firstCandidate);
            var width = Vector128.Create((uint)(lastCandidate - firstCandidate));
            for (; i + 4 <= values.Length; i += 4)
            {
                var b = Buckets4(ref v, i, lows, scales, lasts);
                if (Vector128.LessThanOrEqualAny((b - firsts).AsUInt32(), width))
                {
                    for (var lane = 0; lane < 4; lane++)
                    {
                        ref var slot = ref Unsafe.Add(ref s, b.GetElement(lane));
                        if (slot >= 0)
                        {
                            target[slot++] = Unsafe.Add(ref v, i + lane);
                        }
                    }
                }
            }
        }

        for (; i < values.Length; i++)
        {
            var value = Unsafe.Add(ref v, i);
            ref var slot = ref Unsafe.Add(ref s, BucketOf(value, low, scale, last));
            if (slot >= 0)
            {
                target[slot++] = value;
            }
        }
    }
}
