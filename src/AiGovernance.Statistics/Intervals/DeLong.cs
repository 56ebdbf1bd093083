using MathNet.Numerics.Statistics;

namespace AiGovernance.Statistics;

/// <summary>The area under the ROC curve with DeLong's variance (DeLong, DeLong &amp; Clarke-Pearson 1988).</summary>
/// <remarks>
/// <para>With m positives x and n negatives y, AUC = P(x &gt; y) + ½·P(x = y), the Mann–Whitney U of the positives
/// divided by m·n. DeLong's placement values V10ᵢ (the share of negatives below positive i, ties counted ½) and V01ⱼ
/// give the variance S10/m + S01/n from their sample variances.</para>
/// <para>Algorithm: the placement values come from midranks (Sun &amp; Xu 2014): V10ᵢ = (rank of xᵢ among all − rank of
/// xᵢ among the positives)/n, and likewise for the negatives, so the cost is three sorts, O(N log N), instead of the
/// O(m·n) kernel. The tests compare with that direct kernel computed in NumPy and with SciPy's Mann–Whitney U.</para>
/// </remarks>
public static class DeLong
{
    /// <summary>The AUC of <paramref name="scores"/> against <paramref name="yTrue"/> with DeLong's variance.</summary>
    /// <param name="yTrue">The true labels; at least two of each class.</param>
    /// <param name="scores">The scores, higher meaning more likely positive; any finite values (only their order counts).</param>
    /// <returns>The AUC, its variance and the class sizes; see <see cref="DeLongResult.ConfidenceInterval(double)"/>.</returns>
    /// <exception cref="ArgumentException">The lengths differ, a score is NaN or infinite (the message names the index),
    /// or a class has fewer than two examples (AUC and its variance are then undefined).</exception>
    public static DeLongResult Auc(ReadOnlySpan<bool> yTrue, ReadOnlySpan<double> scores)
    {
        ClassificationGuard.ThrowIfLengthsDiffer(yTrue, scores.Length, nameof(scores));
        SampleGuard.ThrowIfNotFinite(scores);
        var m = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i])
            {
                m++;
            }
        }

        var n = yTrue.Length - m;
        if (m < 2 || n < 2)
        {
            throw new ArgumentException(
                "AUC is undefined without both classes (at least two of each for its interval): "
                + $"the labels hold {m} positive and {n} negative examples.",
                nameof(yTrue));
        }

        var x = new double[m];
        var y = new double[n];
        var pooled = new double[m + n];
        int xi = 0, yi = 0;
        for (var i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i])
            {
                x[xi++] = scores[i];
            }
            else
            {
                y[yi++] = scores[i];
            }
        }

        x.CopyTo(pooled, 0);
        y.CopyTo(pooled, m);
        var rankPooled = MathNet.Numerics.Statistics.Statistics.Ranks(pooled, RankDefinition.Average);
        var rankX = MathNet.Numerics.Statistics.Statistics.Ranks(x, RankDefinition.Average);
        var rankY = MathNet.Numerics.Statistics.Statistics.Ranks(y, RankDefinition.Average);

        double sumV10 = 0;
        var v10 = new double[m];
        for (var i = 0; i < m; i++)
        {
            v10[i] = (rankPooled[i] - rankX[i]) / n;
            sumV10 += v10[i];
        }

        var auc = sumV10 / m;
        var v01 = new double[n];
        for (var j = 0; j < n; j++)
        {
            v01[j] = 1 - ((rankPooled[m + j] - rankY[j]) / m);
        }

        double s10 = 0, s01 = 0;
        for (var i = 0; i < m; i++)
        {
            s10 += (v10[i] - auc) * (v10[i] - auc);
        }

        for (var j = 0; j < n; j++)
        {
            s01 += (v01[j] - auc) * (v01[j] - auc);
        }

        s10 /= m - 1;
        s01 /= n - 1;
        return new DeLongResult(auc, (s10 / m) + (s01 / n), m, n);
    }
}
