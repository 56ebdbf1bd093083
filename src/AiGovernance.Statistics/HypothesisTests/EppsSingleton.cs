using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace AiGovernance.Statistics;

/// <summary>The Epps–Singleton two-sample test, which compares empirical characteristic functions.</summary>
/// <remarks>
/// <para>Counterpart: <c>scipy.stats.epps_singleton_2samp(x, y)</c> with SciPy's default t = (0.4, 0.8) (SciPy 1.10.1;
/// Epps &amp; Singleton 1986). It works for discrete data as well as continuous (unlike KS and Cramér–von Mises, whose
/// p-values assume no ties) and is often more powerful than KS.</para>
/// <para><b>Algorithm:</b> σ = IQR/2 of the pooled sample (linear-interpolation quartiles, as <c>scipy.stats.iqr</c>);
/// each value v becomes g(v) = (cos(0.4v/σ), cos(0.8v/σ), sin(0.4v/σ), sin(0.8v/σ)). With the biased covariance
/// matrices C_x, C_y of g over each sample (÷ n, as <c>np.cov(bias=True)</c>), S = (N/n_x)·C_x + (N/n_y)·C_y and its
/// Moore–Penrose pseudo-inverse S⁺ (singular values at or below 1e-15 × the largest dropped, as <c>np.linalg.pinv</c>),
/// W = N·dᵀS⁺d with d the difference of the mean features. When max(n_x, n_y) &lt; 25, W is multiplied by
/// 1/(1 + N^−0.45 + 10.1(n_x^−1.7 + n_y^−1.7)). p = χ²_r upper tail at W, r the rank of S⁺ (as
/// <c>np.linalg.matrix_rank</c>: singular values above 4·ε·max). SVDs by MathNet.</para>
/// <para><b>Complexity:</b> O(N log N) for the quartiles (one sort of the pooled sample), O(N) trigonometric features;
/// a few 4 × 4 decompositions. Allocates O(N) for the pooled copy.</para>
/// <para><b>Edge cases:</b> each sample needs at least 5 values (as SciPy). An interquartile range of 0 (more than half of
/// the pooled values equal) leaves σ = 0; SciPy then divides by zero and fails inside its SVD, here an
/// <see cref="ArgumentException"/> says so, as it does when t·v overflows (a spread below 1e-300 of the largest value).
/// When the covariance has rank 0 the result is W = 0, p = 1 with 0 degrees of freedom (SciPy returns NaN).</para>
/// </remarks>
public static class EppsSingleton
{
    private const double T1 = 0.4;
    private const double T2 = 0.8;
    private const int Features = 4;

    /// <summary>np.finfo(float).eps, 2⁻⁵².</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Tests whether two independent samples come from the same distribution.</summary>
    /// <param name="x">The first sample; at least 5 finite values.</param>
    /// <param name="y">The second sample; at least 5 finite values.</param>
    /// <returns>W, its p-value and the degrees of freedom used.</returns>
    /// <exception cref="ArgumentException">A sample has fewer than 5 values or holds NaN or an infinity, or the pooled
    /// sample's interquartile range is 0.</exception>
    public static EppsSingletonResult TwoSample(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ThrowIfTooShort(x.Length, nameof(x));
        ThrowIfTooShort(y.Length, nameof(y));
        SampleGuard.ThrowIfNotFinite(x);
        SampleGuard.ThrowIfNotFinite(y);
        int nx = x.Length, ny = y.Length, n = nx + ny;

        var pooled = new double[n];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(nx));
        DoubleSorter.SortInPlace(pooled);
        // Halved before subtracting, so quartiles near ±1e308 cannot overflow.
        var sigma = (SortedSample.QuantileR7(pooled, 0.75) / 2) - (SortedSample.QuantileR7(pooled, 0.25) / 2);
        if (!(sigma > 0))
        {
            throw new ArgumentException(
                "The pooled sample's interquartile range is 0 (more than half of its values are equal), so the Epps–Singleton "
                + "test's scale σ = IQR/2 is 0; use a chi-squared test of the value counts instead.",
                nameof(y));
        }

        double t1 = T1 / sigma, t2 = T2 / sigma;
        var largest = Math.Max(Math.Abs(pooled[0]), Math.Abs(pooled[^1]));
        if (!double.IsFinite(t2 * largest))
        {
            throw new ArgumentException(
                $"The pooled sample's scale σ = IQR/2 = {sigma:G3} is so small next to its largest magnitude {largest:G3} that t·v overflows; "
                + "rescale the data.",
                nameof(y));
        }

        var (meanX, covarianceX) = Moments(x, t1, t2);
        var (meanY, covarianceY) = Moments(y, t1, t2);
        var combined = ((double)n / nx * covarianceX) + ((double)n / ny * covarianceY);
        var inverse = PseudoInverse(combined);
        var rank = Rank(inverse);
        var difference = meanX - meanY;
        var w = n * difference.DotProduct(inverse * difference);
        if (Math.Max(nx, ny) < 25)
        {
            var correction = 1.0 / (1.0 + Math.Pow(n, -0.45) + (10.1 * (Math.Pow(nx, -1.7) + Math.Pow(ny, -1.7))));
            w = correction * w;
        }

        if (rank == 0)
        {
            // No usable feature (every characteristic-function value identical in both samples): nothing to test.
            return new EppsSingletonResult(0, 1, 0);
        }

        var p = SpecialFunctions.GammaUpperRegularized(rank / 2.0, w / 2);
        return new EppsSingletonResult(w, Math.Clamp(p, 0, 1), rank);
    }

    private static void ThrowIfTooShort(int length, string paramName)
    {
        if (length < 5)
        {
            throw new ArgumentException($"The sample has {length} value(s); the Epps–Singleton test needs at least 5 in each sample.", paramName);
        }
    }

    /// <summary>The mean feature vector and the biased covariance (÷ n) of g(v) over a sample.</summary>
    private static (Vector<double> Mean, Matrix<double> Covariance) Moments(ReadOnlySpan<double> values, double t1, double t2)
    {
        var features = Matrix<double>.Build.Dense(values.Length, Features);
        var mean = new double[Features];
        for (var i = 0; i < values.Length; i++)
        {
            var a = t1 * values[i];
            var b = t2 * values[i];
            features[i, 0] = Math.Cos(a);
            features[i, 1] = Math.Cos(b);
            features[i, 2] = Math.Sin(a);
            features[i, 3] = Math.Sin(b);
            for (var f = 0; f < Features; f++)
            {
                mean[f] += features[i, f];
            }
        }

        for (var f = 0; f < Features; f++)
        {
            mean[f] /= values.Length;
        }

        var covariance = Matrix<double>.Build.Dense(Features, Features);
        for (var i = 0; i < values.Length; i++)
        {
            for (var p = 0; p < Features; p++)
            {
                var dp = features[i, p] - mean[p];
                for (var q = 0; q < Features; q++)
                {
                    covariance[p, q] += dp * (features[i, q] - mean[q]);
                }
            }
        }

        // np.cov multiplies by 1/n rather than dividing by n.
        return (Vector<double>.Build.Dense(mean), covariance * (1.0 / values.Length));
    }

    /// <summary>np.linalg.pinv with rcond = 1e-15: singular values at or below 1e-15·max are treated as zero.</summary>
    private static Matrix<double> PseudoInverse(Matrix<double> matrix)
    {
        var svd = matrix.Svd(computeVectors: true);
        var s = svd.S;
        var cutoff = 1e-15 * s.Maximum();
        var inverted = Matrix<double>.Build.Dense(Features, Features);
        for (var i = 0; i < s.Count; i++)
        {
            inverted[i, i] = s[i] > cutoff ? 1.0 / s[i] : 0.0;
        }

        return svd.VT.Transpose() * inverted * svd.U.Transpose();
    }

    /// <summary>np.linalg.matrix_rank: singular values above max·4·ε.</summary>
    private static int Rank(Matrix<double> matrix)
    {
        var s = matrix.Svd(computeVectors: false).S;
        var tolerance = s.Maximum() * Features * MachineEpsilon;
        var rank = 0;
        foreach (var value in s)
        {
            rank += value > tolerance ? 1 : 0;
        }

        return rank;
    }
}
