namespace AiGovernance.Statistics;

/// <summary>The area under the ROC curve with DeLong's variance, computed from midranks in O(N log N) (Sun &amp; Xu 2014).</summary>
/// <remarks>With m positives and n negatives: AUC = (Σ pooled midranks of the positives − m(m + 1)/2)/(mn), ties counted
/// half; the structural components V10_i = (pooled rank − rank among positives)/n and V01_j = 1 − (pooled rank − rank
/// among negatives)/m; Var = s²(V10)/m + s²(V01)/n with unbiased sample variances (DeLong, DeLong &amp; Clarke-Pearson
/// 1988). Written for the domain classifier; the Gates package has its own copy that is moving here (issue 20).</remarks>
internal static class DeLongAuc
{
    /// <summary>AUC and its DeLong variance; <paramref name="positive"/> marks the positive class. Needs at least two of
    /// each class for the variance (NaN otherwise).</summary>
    public static (double Auc, double Variance) Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var total = scores.Length;
        var pooled = Midranks(scores);
        int m = 0, n = 0;
        for (var i = 0; i < total; i++)
        {
            if (positive[i])
            {
                m++;
            }
            else
            {
                n++;
            }
        }

        var positives = new double[m];
        var negatives = new double[n];
        int pi = 0, ni = 0;
        for (var i = 0; i < total; i++)
        {
            if (positive[i])
            {
                positives[pi++] = scores[i];
            }
            else
            {
                negatives[ni++] = scores[i];
            }
        }

        var withinPositives = Midranks(positives);
        var withinNegatives = Midranks(negatives);
        var v10 = new double[m];
        var v01 = new double[n];
        double rankSum = 0;
        pi = 0;
        ni = 0;
        for (var i = 0; i < total; i++)
        {
            if (positive[i])
            {
                rankSum += pooled[i];
                v10[pi] = (pooled[i] - withinPositives[pi]) / n;
                pi++;
            }
            else
            {
                v01[ni] = 1 - ((pooled[i] - withinNegatives[ni]) / m);
                ni++;
            }
        }

        var auc = (rankSum - (m * (m + 1.0) / 2)) / ((double)m * n);
        var variance = m < 2 || n < 2 ? double.NaN : (SampleVariance(v10, auc) / m) + (SampleVariance(v01, auc) / n);
        return (auc, variance);
    }

    private static double SampleVariance(double[] values, double mean)
    {
        double squares = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            squares += d * d;
        }

        return squares / (values.Length - 1);
    }

    /// <summary>Average ranks (1-based) of the values, ties sharing the mean of their positions.</summary>
    internal static double[] Midranks(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        var keys = values.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        for (var i = 0; i < keys.Length;)
        {
            var j = i + 1;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }

            var rank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j;
        }

        return ranks;
    }
}
