namespace AiGovernance.Statistics;

/// <summary>Calibration quality of predicted probabilities against binary outcomes: Brier score, expected calibration
/// error (ECE), maximum calibration error and reliability-diagram data.</summary>
/// <remarks>
/// <para><b>Binning</b> (stated because ECE depends on it): M equal-width bins on [0, 1] with interior edges k·(1/M),
/// k = 1..M − 1, computed as NumPy's <c>linspace</c> computes them; bins are right-closed, (e_{k−1}, e_k], and the first
/// also holds 0 — the assignment of scikit-learn 1.2's <c>calibration_curve(strategy="uniform")</c>
/// (<c>searchsorted(edges[1:-1], p)</c>). Default M = 10.</para>
/// <para>ECE = Σ_b (n_b / n)·|ō_b − p̄_b| over non-empty bins, with p̄_b the mean probability and ō_b the observed positive
/// rate of bin b (Naeini et al. 2015; Guo et al. 2017 for binary outcomes). MCE = max_b |ō_b − p̄_b|. Brier =
/// (1/n)·Σ(pᵢ − yᵢ)². Even perfectly calibrated probabilities show an ECE of order √(p(1 − p)/n_b) from sampling noise,
/// so a limit on ECE must sit above that floor.</para>
/// <para>One pass, O(n + M) time, O(M) memory. Checked against a direct NumPy computation and scikit-learn's
/// <c>calibration_curve</c> and <c>brier_score_loss</c> in <c>TestData/calibration_reference.py</c>.</para>
/// </remarks>
public static class CalibrationMetrics
{
    /// <summary>The default number of equal-width bins.</summary>
    public const int DefaultBins = 10;

    /// <summary>The Brier score, (1/n)·Σ(pᵢ − yᵢ)².</summary>
    /// <param name="probabilities">Predicted probabilities of the positive outcome, in [0, 1].</param>
    /// <param name="labels">Whether each outcome was positive.</param>
    /// <returns>The Brier score in [0, 1].</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, or a probability is outside
    /// [0, 1] or NaN (the message names the first bad index).</exception>
    public static double BrierScore(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        Validate(probabilities, labels);
        double sum = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var d = probabilities[i] - (labels[i] ? 1.0 : 0.0);
            sum += d * d;
        }

        return sum / probabilities.Length;
    }

    /// <summary>The expected calibration error over <paramref name="bins"/> equal-width bins.</summary>
    /// <param name="probabilities">Predicted probabilities of the positive outcome, in [0, 1].</param>
    /// <param name="labels">Whether each outcome was positive.</param>
    /// <param name="bins">The number of equal-width bins, at least 1.</param>
    /// <returns>The ECE in [0, 1].</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, or a probability is outside
    /// [0, 1] or NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1.</exception>
    public static double ExpectedCalibrationError(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, int bins = DefaultBins) =>
        Evaluate(probabilities, labels, bins).ExpectedCalibrationError;

    /// <summary>Every calibration measure at once, with the reliability-diagram bins.</summary>
    /// <param name="probabilities">Predicted probabilities of the positive outcome, in [0, 1].</param>
    /// <param name="labels">Whether each outcome was positive.</param>
    /// <param name="bins">The number of equal-width bins, at least 1.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, or a probability is outside
    /// [0, 1] or NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1.</exception>
    public static CalibrationSummary Evaluate(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        Validate(probabilities, labels);
        var counts = new long[bins];
        var sums = new double[bins];
        var positives = new long[bins];
        var step = 1.0 / bins;
        double brier = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            var b = BinOf(p, bins, step);
            counts[b]++;
            sums[b] += p;
            var y = labels[i] ? 1.0 : 0.0;
            positives[b] += labels[i] ? 1 : 0;
            brier += (p - y) * (p - y);
        }

        var n = (double)probabilities.Length;
        var result = new ReliabilityBin[bins];
        double ece = 0, mce = 0;
        for (var b = 0; b < bins; b++)
        {
            var lower = b == 0 ? 0.0 : b * step;
            var upper = b == bins - 1 ? 1.0 : (b + 1) * step;
            if (counts[b] == 0)
            {
                result[b] = new ReliabilityBin(lower, upper, 0, double.NaN, double.NaN);
                continue;
            }

            var mean = sums[b] / counts[b];
            var observed = (double)positives[b] / counts[b];
            var gap = Math.Abs(observed - mean);
            ece += counts[b] / n * gap;
            mce = Math.Max(mce, gap);
            result[b] = new ReliabilityBin(lower, upper, counts[b], mean, observed);
        }

        return new CalibrationSummary(probabilities.Length, brier / n, ece, mce, result);
    }

    // searchsorted(edges[1:-1], p, side="left") with edges k·step: the number of interior edges strictly below p.
    internal static int BinOf(double p, int bins, double step)
    {
        var k = Math.Clamp((int)(p * bins), 0, bins - 1);
        while (k > 0 && k * step >= p)
        {
            k--;
        }

        while (k < bins - 1 && (k + 1) * step < p)
        {
            k++;
        }

        return k;
    }

    private static void Validate(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        if (probabilities.IsEmpty)
        {
            throw new ArgumentException("There are no predictions; at least one is required.", nameof(probabilities));
        }

        if (labels.Length != probabilities.Length)
        {
            throw new ArgumentException(
                $"labels has {labels.Length} values but probabilities has {probabilities.Length}; they must pair up.", nameof(labels));
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
            {
                throw new ArgumentException($"Probabilities must lie in [0, 1]; index {i} holds {probabilities[i]}.", nameof(probabilities));
            }
        }
    }
}
