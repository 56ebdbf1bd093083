using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Statistics.Tests;

/// <summary>The bucket kernels: SIMD and scalar paths give the same buckets, and buckets never decrease with the value.</summary>
public class ValueBucketsTests
{
    private static (double[] Values, double Low, double Scale, int Last) Case(int seed)
    {
        var random = new Random(seed);
        var values = new double[random.Next(1, 300)];
        var spread = Math.Pow(10, random.Next(-300, 300));
        var offset = random.Next(3) == 0 ? 0 : (random.NextDouble() - 0.5) * spread * random.Next(0, 1000);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(5) == 0 ? values[random.Next(i + 1)] : offset + ((random.NextDouble() - 0.5) * spread);
        }

        var low = values.Min();
        var high = values.Max();
        var buckets = 1 << random.Next(6, 17);
        var scale = high > low ? buckets / (high - low) : 1.0;
        return (values, low, double.IsFinite(scale) ? scale : 1.0, buckets - 1);
    }

    [Property(MaxTest = 500)]
    public Property Histogram_SimdAndScalar_CountTheSameBuckets(PositiveInt seed)
    {
        var (values, low, scale, last) = Case(seed.Get);
        var simd = new int[last + 1];
        var scalar = new int[last + 1];
        ValueBuckets.Histogram(values, false, low, scale, last, simd, simd: true);
        ValueBuckets.Histogram(values, false, low, scale, last, scalar, simd: false);
        var expected = new int[last + 1];
        foreach (var v in values)
        {
            expected[ValueBuckets.BucketOf(v, low, scale, last)]++;
        }

        Array.Sort(values);
        var sorted = new int[last + 1];
        ValueBuckets.Histogram(values, true, low, scale, last, sorted);
        return (simd.AsSpan().SequenceEqual(expected) && scalar.AsSpan().SequenceEqual(expected)
            && sorted.AsSpan().SequenceEqual(expected) && expected.Sum() == values.Length).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property Gather_SimdAndScalar_CopyTheCandidateValuesInOrder(PositiveInt seed)
    {
        var (values, low, scale, last) = Case(seed.Get);
        var random = new Random(seed.Get + 1);
        var counts = new int[last + 1];
        ValueBuckets.Histogram(values, false, low, scale, last, counts);
        var slots = new int[last + 1];
        var taken = 0;
        int first = last + 1, end = -1;
        for (var b = 0; b <= last; b++)
        {
            if (counts[b] > 0 && random.Next(3) == 0)
            {
                slots[b] = taken;
                taken += counts[b];
                first = Math.Min(first, b);
                end = b;
            }
            else
            {
                slots[b] = -1;
            }
        }

        if (taken == 0)
        {
            return true.ToProperty();
        }

        var expected = new List<double>();
        for (var b = 0; b <= last; b++)
        {
            if (slots[b] >= 0)
            {
                expected.AddRange(values.Where(v => ValueBuckets.BucketOf(v, low, scale, last) == b));
            }
        }

        var simdTarget = new double[taken];
        var scalarTarget = new double[taken];
        ValueBuckets.Gather(values, low, scale, last, first, end, (int[])slots.Clone(), simdTarget, simd: true);
        ValueBuckets.Gather(values, low, scale, last, first, end, (int[])slots.Clone(), scalarTarget, simd: false);
        return (simdTarget.AsSpan().SequenceEqual(expected.ToArray()) && scalarTarget.AsSpan().SequenceEqual(expected.ToArray())).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property BucketOf_NeverDecreasesWithTheValue(PositiveInt seed)
    {
        var (values, low, scale, last) = Case(seed.Get);
        Array.Sort(values);
        var ok = true;
        for (var i = 1; i < values.Length; i++)
        {
            ok &= ValueBuckets.BucketOf(values[i - 1], low, scale, last) <= ValueBuckets.BucketOf(values[i], low, scale, last);
        }

        return ok.ToProperty();
    }
}
