using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Divergences and distances between two discrete distributions: Jensen–Shannon, Kullback–Leibler, Hellinger and
/// total variation.</summary>
/// <remarks>
/// <para>Inputs are probability or count vectors over the same bins: each is normalised to sum 1 (as SciPy does), so
/// counts can be passed directly. Entries must be finite and non-negative, a vector must not be all zero, and both must
/// have the same length; otherwise an <see cref="ArgumentException"/> names the argument (and the index).</para>
/// <para>Sample overloads take fitted <see cref="BinEdges"/> (usually the reference's, from
/// <see cref="BinEdges.Quantile(ReadOnlySpan{double}, int)"/>)
/// and bin both samples on them; empty bins are used as zeros (no ε, unlike <see cref="PopulationStabilityIndex"/>).</para>
/// <para>Conventions: 0·ln(0/q) = 0; p·ln(p/0) = +∞ for p &gt; 0. Each function is O(k) over k bins and allocates nothing
/// beyond pooled scratch buffers.</para>
/// </remarks>
public static class Divergence
{
    /// <summary>The Jensen–Shannon divergence JS(p, q) = ½·KL(p ‖ m) + ½·KL(q ‖ m), m = (p + q)/2, in the given log base.</summary>
    /// <param name="p">The first probability or count vector.</param>
    /// <param name="q">The second, same length.</param>
    /// <param name="logBase">The logarithm base: e (nats, default) or 2 (bits).</param>
    /// <returns>JS in [0, ln 2 / ln(base)]: [0, ln 2] in nats, [0, 1] in bits. Symmetric; 0 iff p = q after normalisation.</returns>
    /// <exception cref="ArgumentException">A vector is empty, holds a negative or non-finite entry, or is all zero, or the lengths
    /// differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is not finite or not greater than 1.</exception>
    /// <remarks>Equals the square of SciPy's <c>scipy.spatial.distance.jensenshannon(p, q, base)</c>; a result that rounds
    /// below zero is clamped to 0.</remarks>
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "Signature fixed by the package contract (issue 4); the longer overloads take different inputs.")]
    public static double JensenShannonDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double logBase = Math.E)
    {
        var logOfBase = LogOfBase(logBase);
        using var pair = NormalisedPair.Create(p, q);
        return JensenShannonNormalised(pair.P, pair.Q) / logOfBase;
    }

    /// <summary>The Jensen–Shannon distance √JS(p, q) (SciPy <c>scipy.spatial.distance.jensenshannon</c>), a metric.</summary>
    /// <param name="p">The first probability or count vector.</param>
    /// <param name="q">The second, same length.</param>
    /// <param name="logBase">The logarithm base: e (default) or 2.</param>
    /// <returns>√JS in [0, √(ln 2 / ln(base))].</returns>
    /// <exception cref="ArgumentException">See <see cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is not finite or not greater than 1.</exception>
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "Signature fixed by the package contract (issue 4); the longer overloads take different inputs.")]
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double logBase = Math.E) =>
        Math.Sqrt(JensenShannonDivergence(p, q, logBase));

    /// <summary>The Kullback–Leibler divergence KL(p ‖ q) = Σ pᵢ·ln(pᵢ / qᵢ) / ln(base).</summary>
    /// <param name="p">The distribution measured (for drift: the current one).</param>
    /// <param name="q">The distribution it is measured against (the reference), same length.</param>
    /// <param name="logBase">The logarithm base: e (default) or 2.</param>
    /// <returns>KL ≥ 0; +∞ when some qᵢ = 0 &lt; pᵢ. Not symmetric. Equals SciPy <c>scipy.stats.entropy(p, q, base)</c>.</returns>
    /// <exception cref="ArgumentException">See <see cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is not finite or not greater than 1.</exception>
    [SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "Signature fixed by the package contract (issue 4); the longer overloads take different inputs.")]
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double logBase = Math.E)
    {
        var logOfBase = LogOfBase(logBase);
        using var pair = NormalisedPair.Create(p, q);
        return Math.Max(0, RelativeEntropy(pair.P, pair.Q)) / logOfBase;
    }

    /// <summary>The Hellinger distance H(p, q) = √(½·Σ(√pᵢ − √qᵢ)²).</summary>
    /// <param name="p">The first probability or count vector.</param>
    /// <param name="q">The second, same length.</param>
    /// <returns>H in [0, 1]: 0 iff p = q, 1 iff the supports are disjoint. Symmetric; a metric.</returns>
    /// <exception cref="ArgumentException">See <see cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>.</exception>
    /// <remarks>The sum-of-squares form is used rather than √(1 − Σ√(pᵢqᵢ)), which cancels for close distributions.</remarks>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        using var pair = NormalisedPair.Create(p, q);
        return HellingerNormalised(pair.P, pair.Q);
    }

    /// <summary>The total variation distance TV(p, q) = ½·Σ|pᵢ − qᵢ| (the largest difference in probability of any event).</summary>
    /// <param name="p">The first probability or count vector.</param>
    /// <param name="q">The second, same length.</param>
    /// <returns>TV in [0, 1]. Symmetric; a metric.</returns>
    /// <exception cref="ArgumentException">See <see cref="JensenShannonDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>.</exception>
    public static double TotalVariation(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        using var pair = NormalisedPair.Create(p, q);
        return TotalVariationNormalised(pair.P, pair.Q);
    }

    /// <summary>Jensen–Shannon divergence of two samples binned on <paramref name="edges"/>.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <returns>JS of the two bin-count vectors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    public static double JensenShannonDivergence(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        JensenShannonDivergence(edges, reference, current, Math.E);

    /// <summary>JensenShannonDivergence of two samples binned on <paramref name="edges"/>, in the given log base.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="logBase">The logarithm base, for example 2 for bits.</param>
    /// <returns>JS of the two bin-count vectors in base <paramref name="logBase"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is invalid.</exception>
    public static double JensenShannonDivergence(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double logBase)
    {
        var logOfBase = LogOfBase(logBase);
        using var pair = NormalisedPair.Bin(edges, reference, current);
        return JensenShannonNormalised(pair.P, pair.Q) / logOfBase;
    }

    /// <summary>Jensen–Shannon distance (√JS) of two samples binned on <paramref name="edges"/>.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <returns>√JS of the two bin-count vectors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    public static double JensenShannonDistance(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        JensenShannonDistance(edges, reference, current, Math.E);

    /// <summary>JensenShannonDistance of two samples binned on <paramref name="edges"/>, in the given log base.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="logBase">The logarithm base, for example 2 for bits.</param>
    /// <returns>√JS of the two bin-count vectors in base <paramref name="logBase"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is invalid.</exception>
    public static double JensenShannonDistance(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double logBase) =>
        Math.Sqrt(JensenShannonDivergence(edges, reference, current, logBase));

    /// <summary>KL(current ‖ reference) of two samples binned on <paramref name="edges"/>.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample (the q of KL(p ‖ q)); finite values.</param>
    /// <param name="current">The current sample (the p); finite values.</param>
    /// <returns>KL ≥ 0; +∞ when a bin holds current values but no reference values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    public static double KullbackLeibler(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        KullbackLeibler(edges, reference, current, Math.E);

    /// <summary>KullbackLeibler of two samples binned on <paramref name="edges"/>, in the given log base.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <param name="logBase">The logarithm base, for example 2 for bits.</param>
    /// <returns>KL(current ‖ reference) in base <paramref name="logBase"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logBase"/> is invalid.</exception>
    public static double KullbackLeibler(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double logBase)
    {
        var logOfBase = LogOfBase(logBase);
        using var pair = NormalisedPair.Bin(edges, reference, current);
        return Math.Max(0, RelativeEntropy(pair.P, pair.Q)) / logOfBase;
    }

    /// <summary>Hellinger distance of two samples binned on <paramref name="edges"/>.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <returns>H in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    public static double Hellinger(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        using var pair = NormalisedPair.Bin(edges, reference, current);
        return HellingerNormalised(pair.P, pair.Q);
    }

    /// <summary>Total variation distance of two samples binned on <paramref name="edges"/>.</summary>
    /// <param name="edges">The bins, usually fitted on the reference.</param>
    /// <param name="reference">The reference sample; finite values.</param>
    /// <param name="current">The current sample; finite values.</param>
    /// <returns>TV in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN or an infinity.</exception>
    public static double TotalVariation(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        using var pair = NormalisedPair.Bin(edges, reference, current);
        return TotalVariationNormalised(pair.P, pair.Q);
    }

    internal static double LogOfBase(double logBase, [CallerArgumentExpression(nameof(logBase))] string? paramName = null)
    {
        // A base in (0, 1) has a negative logarithm and would turn every divergence negative, breaking the
        // documented ranges (and √ of a negative JS is NaN), so only bases above 1 are accepted.
        if (!(logBase > 1) || !double.IsFinite(logBase))
        {
            throw new ArgumentOutOfRangeException(paramName, logBase, "The logarithm base must be finite and greater than 1 (e or 2 in practice).");
        }

        return Math.Log(logBase);
    }

    /// <summary>JS in nats of normalised vectors.</summary>
    internal static double JensenShannonNormalised(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double left = 0, right = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var m = (p[i] + q[i]) / 2;
            if (p[i] > 0)
            {
                left += p[i] * Math.Log(p[i] / m);
            }

            if (q[i] > 0)
            {
                right += q[i] * Math.Log(q[i] / m);
            }
        }

        return Math.Max(0, (left + right) / 2);
    }

    /// <summary>Σ pᵢ ln(pᵢ/qᵢ) of normalised vectors (SciPy <c>rel_entr</c> summed).</summary>
    internal static double RelativeEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (var i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                if (q[i] == 0)
                {
                    return double.PositiveInfinity;
                }

                sum += p[i] * Math.Log(p[i] / q[i]);
            }
        }

        return sum;
    }

    internal static double HellingerNormalised(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var d = Math.Sqrt(p[i]) - Math.Sqrt(q[i]);
            sum += d * d;
        }

        return Math.Min(1, Math.Sqrt(sum / 2));
    }

    internal static double TotalVariationNormalised(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (var i = 0; i < p.Length; i++)
        {
            sum += Math.Abs(p[i] - q[i]);
        }

        return Math.Min(1, sum / 2);
    }

    /// <summary>Two normalised vectors in one pooled buffer.</summary>
    internal readonly struct NormalisedPair : IDisposable
    {
        private readonly double[] _buffer;
        private readonly int _length;

        private NormalisedPair(double[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
        }

        public ReadOnlySpan<double> P => _buffer.AsSpan(0, _length);

        public ReadOnlySpan<double> Q => _buffer.AsSpan(_length, _length);

        public static NormalisedPair Create(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        {
            var pSum = DistanceGuard.ThrowIfNotDistribution(p);
            var qSum = DistanceGuard.ThrowIfNotDistribution(q);
            if (p.Length != q.Length)
            {
                throw new ArgumentException($"The vectors differ in length ({p.Length} and {q.Length}).", nameof(q));
            }

            var buffer = ArrayPool<double>.Shared.Rent(2 * p.Length);
            for (var i = 0; i < p.Length; i++)
            {
                buffer[i] = p[i] / pSum;
                buffer[p.Length + i] = q[i] / qSum;
            }

            return new NormalisedPair(buffer, p.Length);
        }

        public static NormalisedPair Bin(BinEdges edges, ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
        {
            ArgumentNullException.ThrowIfNull(edges);
            SampleGuard.ThrowIfEmptyOrNotFinite(reference);
            SampleGuard.ThrowIfEmptyOrNotFinite(current);
            var k = edges.BinCount;
            var counts = ArrayPool<long>.Shared.Rent(2 * k);
            try
            {
                var referenceCounts = counts.AsSpan(0, k);
                var currentCounts = counts.AsSpan(k, k);
                referenceCounts.Clear();
                currentCounts.Clear();
                edges.Count(reference, referenceCounts);
                edges.Count(current, currentCounts);
                return FromCounts(currentCounts, referenceCounts);
            }
            finally
            {
                ArrayPool<long>.Shared.Return(counts);
            }
        }

        /// <summary>P from the first counts, Q from the second; the caller has checked both have a positive total.</summary>
        public static NormalisedPair FromCounts(ReadOnlySpan<long> p, ReadOnlySpan<long> q)
        {
            long pTotal = 0, qTotal = 0;
            for (var i = 0; i < p.Length; i++)
            {
                pTotal += p[i];
                qTotal += q[i];
            }

            var buffer = ArrayPool<double>.Shared.Rent(2 * p.Length);
            for (var i = 0; i < p.Length; i++)
            {
                buffer[i] = (double)p[i] / pTotal;
                buffer[p.Length + i] = (double)q[i] / qTotal;
            }

            return new NormalisedPair(buffer, p.Length);
        }

        public void Dispose() => ArrayPool<double>.Shared.Return(_buffer);
    }
}
