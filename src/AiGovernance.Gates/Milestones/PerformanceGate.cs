using System.Globalization;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Gates.Milestones;

/// <summary>An adaptive milestone's go/no-go evaluation: a metric on a labelled evaluation set judged against a
/// threshold with statistical confidence, rather than a point estimate against a deadline.</summary>
/// <remarks>
/// <para><b>Go</b> when the interval's lower bound clears the threshold, <b>no-go</b> when its upper bound falls below
/// it, otherwise <b>inconclusive</b> with an estimate of how many more labelled examples would settle it
/// (n·(h/|estimate − threshold|)² − n, with h the current half-width, assuming the estimate holds).</para>
/// <para>Intervals: Wilson (statsmodels <c>proportion_confint(method="wilson")</c>) for accuracy, precision and recall;
/// a seeded percentile bootstrap for F1; DeLong's variance (computed from midranks, O(N log N)) with a normal
/// interval clipped to [0, 1] for AUC; Student-t intervals for a regressor's MAE and RMSE
/// (<see cref="Statistics.RegressionError"/>). For the error metrics lower is better: <b>go</b> when the upper bound is at
/// or below the threshold, <b>no-go</b> when the lower bound is above it.</para>
/// <para>When labels have not arrived, <see cref="EvaluateEstimated"/> decides on a value estimated without them (CBPE or
/// DLE from AiGovernance.Monitoring) and the result says so. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class PerformanceGate
{
    private readonly PerformanceGateOptions _options;

    /// <summary>Creates a gate.</summary>
    /// <param name="options">How the gate decides; copied and validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names every one).</exception>
    public PerformanceGate(PerformanceGateOptions options)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), PerformanceGateOptionsValidator.Instance,
            PerformanceGateOptionsCustomValidator.Instance);
        _options = new PerformanceGateOptions
        {
            Metric = options.Metric,
            Threshold = options.Threshold,
            ConfidenceLevel = options.ConfidenceLevel,
            BootstrapResamples = options.BootstrapResamples,
            Seed = options.Seed,
            MinimumGroupSize = options.MinimumGroupSize,
        };
    }

    /// <summary>The metric judged.</summary>
    public PerformanceMetric Metric => _options.Metric;

    /// <summary>The threshold.</summary>
    public double Threshold => _options.Threshold;

    /// <summary>The confidence level.</summary>
    public double ConfidenceLevel => _options.ConfidenceLevel;

    /// <summary>Evaluates accuracy, precision, recall or F1 from predicted labels.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <returns>The decision with its numbers.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, or the gate judges AUC (which needs scores).</exception>
    public PerformanceGateResult Evaluate(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred)
    {
        ValidateLabels(yTrue, yPred.Length, nameof(yPred));
        RequireLabelMetric();
        var estimate = MetricEstimator.FromLabels(Metric, yTrue, yPred, ConfidenceLevel, _options.BootstrapResamples, _options.Seed);
        return Decide(estimate, Empty);
    }

    /// <summary>Evaluates AUC from scores (or, for the other metrics, the labels predicted by <c>score ≥ 0.5</c>).</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="scores">Scores in [0, 1], higher meaning more likely positive.</param>
    /// <returns>The decision with its numbers.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, a score is outside [0, 1] or NaN,
    /// or the labels hold fewer than two examples of a class (AUC undefined).</exception>
    public PerformanceGateResult Evaluate(ReadOnlySpan<bool> yTrue, ReadOnlySpan<double> scores)
    {
        ValidateLabels(yTrue, scores.Length, nameof(scores));
        ValidateScores(scores, nameof(scores));
        if (Metric != PerformanceMetric.Auc)
        {
            return Evaluate(yTrue, Binarise(scores));
        }

        return Decide(MetricEstimator.Auc(yTrue, scores, ConfidenceLevel), Empty);
    }

    /// <summary>Evaluates a regressor's MAE or RMSE on labelled data.</summary>
    /// <param name="actual">The observed values.</param>
    /// <param name="predicted">The regressor's predictions.</param>
    /// <returns>The decision with its numbers.</returns>
    /// <exception cref="ArgumentException">The gate judges a classification metric, fewer than two pairs, lengths differ, or
    /// a value is NaN or infinite.</exception>
    public PerformanceGateResult EvaluateRegression(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (Metric is not (PerformanceMetric.MeanAbsoluteError or PerformanceMetric.RootMeanSquaredError))
        {
            throw new ArgumentException($"This gate judges {Metric}, a classification metric: pass labels, not regression values.", nameof(actual));
        }

        var e = Metric == PerformanceMetric.MeanAbsoluteError
            ? Statistics.RegressionError.MeanAbsolute(actual, predicted, ConfidenceLevel)
            : Statistics.RegressionError.RootMeanSquared(actual, predicted, ConfidenceLevel);
        return Decide(new PerformanceEstimate(Metric, e.Estimate, e.Lower, e.Upper, e.Count, e.Method), Empty);
    }

    /// <summary>Decides on a value with its interval computed elsewhere — typically estimated without labels by
    /// confidence-based performance estimation (classifiers) or direct loss estimation (regressors) while the labels are
    /// still missing. Mark such a value with <see cref="PerformanceEstimate.IsEstimated"/>: the decision's explanation and
    /// the model card then say the verdict rests on an estimate.</summary>
    /// <param name="estimate">The value, its interval (for an estimate: the band its realised value is expected in) and
    /// how many predictions it covers.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">The estimate is of another metric than the gate judges, or its bounds are not
    /// ordered around it.</exception>
    public PerformanceGateResult EvaluateEstimated(PerformanceEstimate estimate)
    {
        if (estimate.Metric != Metric)
        {
            throw new ArgumentException($"The estimate is of {estimate.Metric}; this gate judges {Metric}.", nameof(estimate));
        }

        if (estimate.IsDefined && !(estimate.Lower <= estimate.Estimate && estimate.Estimate <= estimate.Upper))
        {
            throw new ArgumentException(
                $"The interval [{estimate.Lower}, {estimate.Upper}] does not contain the estimate {estimate.Estimate}.", nameof(estimate));
        }

        return Decide(estimate, Empty);
    }

    /// <summary>Evaluates the gate overall and per group: the result is <b>go</b> only when the aggregate and every
    /// group pass, so a model cannot pass on the aggregate while failing a group.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPred">The predicted labels.</param>
    /// <param name="groups">Each example's group (for example a sensitive attribute, or several joined by '|').</param>
    /// <returns>The overall decision with per-group results in <see cref="PerformanceGateResult.Subgroups"/>.</returns>
    /// <exception cref="ArgumentException">Lengths differ, input is empty, or a group label is null.</exception>
    /// <remarks>A group smaller than <see cref="PerformanceGateOptions.MinimumGroupSize"/> cannot pass on its own: its
    /// go becomes inconclusive (a no-go stays a no-go).</remarks>
    public PerformanceGateResult EvaluateByGroup(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, ReadOnlySpan<string> groups)
    {
        ValidateLabels(yTrue, yPred.Length, nameof(yPred));
        RequireLabelMetric();
        var indexes = GroupIndexes(groups, yTrue.Length);
        var subgroups = new SortedDictionary<string, PerformanceGateResult>(StringComparer.Ordinal);
        foreach (var (group, members) in indexes)
        {
            var t = new bool[members.Count];
            var p = new bool[members.Count];
            for (var i = 0; i < members.Count; i++)
            {
                t[i] = yTrue[members[i]];
                p[i] = yPred[members[i]];
            }

            subgroups[group] = CapSmallGroup(Decide(MetricEstimator.FromLabels(Metric, t, p, ConfidenceLevel, _options.BootstrapResamples,
                _options.Seed), Empty));
        }

        var overall = Decide(MetricEstimator.FromLabels(Metric, yTrue, yPred, ConfidenceLevel, _options.BootstrapResamples, _options.Seed), Empty);
        return Combine(overall, subgroups);
    }

    /// <summary>Compares a candidate with the production model on the same evaluation set (paired), deciding
    /// non-inferiority with a margin: go when the interval of (candidate − production) lies above −margin.</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="candidate">The candidate's predicted labels.</param>
    /// <param name="production">The production model's predicted labels.</param>
    /// <param name="margin">The largest acceptable loss, in (0, 1).</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">Lengths differ, input is empty, or the gate judges AUC.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="margin"/> is outside (0, 1).</exception>
    /// <remarks>Accuracy: the difference is (b − c)/n over the discordant pairs b (only the candidate right) and c
    /// (only production right), with a Wald interval of variance (b + c − (b − c)²/n)/n², and the exact McNemar
    /// p-value (<see cref="McNemar.Exact(long, long)"/>) reported alongside.
    /// Precision, recall and F1: a paired percentile bootstrap (both models scored on the same resampled examples).</remarks>
    public NonInferiorityResult CompareNonInferiority(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> candidate, ReadOnlySpan<bool> production,
        double margin)
    {
        ValidateLabels(yTrue, candidate.Length, nameof(candidate));
        ValidateLabels(yTrue, production.Length, nameof(production));
        RequireLabelMetric();
        if (!(margin > 0 && margin < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The non-inferiority margin must lie strictly between 0 and 1.");
        }

        var n = yTrue.Length;
        var candidateValue = MetricEstimator.PointEstimate(Metric, ConfusionCounts.From(yTrue, candidate));
        var productionValue = MetricEstimator.PointEstimate(Metric, ConfusionCounts.From(yTrue, production));
        double lower, upper, mcnemar = double.NaN;
        if (Metric == PerformanceMetric.Accuracy)
        {
            long b = 0, c = 0;
            for (var i = 0; i < n; i++)
            {
                var candidateRight = candidate[i] == yTrue[i];
                var productionRight = production[i] == yTrue[i];
                if (candidateRight && !productionRight)
                {
                    b++;
                }
                else if (!candidateRight && productionRight)
                {
                    c++;
                }
            }

            mcnemar = McNemar.Exact(b, c).PValue;
            (lower, upper) = McNemar.DifferenceInterval(b, c, n, ConfidenceLevel);
        }
        else
        {
            var metric = Metric;
            (lower, upper) = Bootstrap.PairedConfusionMetric(
                yTrue,
                candidate,
                production,
                (a, p) => MetricEstimator.PointEstimate(metric, a) - MetricEstimator.PointEstimate(metric, p),
                _options.BootstrapResamples,
                _options.Seed,
                ConfidenceLevel).Interval;
        }

        var difference = candidateValue - productionValue;
        var verdict = double.IsNaN(lower) ? MilestoneVerdict.Inconclusive
            : lower > -margin ? MilestoneVerdict.Go
            : upper < -margin ? MilestoneVerdict.NoGo
            : MilestoneVerdict.Inconclusive;
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"{Metric}: candidate {candidateValue:F4} vs production {productionValue:F4}, difference {difference:+0.0000;-0.0000} with " +
                $"{ConfidenceLevel:P0} interval [{lower:F4}, {upper:F4}] against margin −{margin:F4}: {Describe(verdict)}.");
        return new NonInferiorityResult(verdict, Metric, candidateValue, productionValue, difference, lower, upper, margin, mcnemar, explanation);
    }

    private static readonly IReadOnlyDictionary<string, PerformanceGateResult> Empty = new Dictionary<string, PerformanceGateResult>();

    private PerformanceGateResult Decide(PerformanceEstimate estimate, IReadOnlyDictionary<string, PerformanceGateResult> subgroups)
    {
        if (!estimate.IsDefined)
        {
            return new PerformanceGateResult(MilestoneVerdict.Inconclusive, estimate, Threshold, ConfidenceLevel, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"{Metric} is undefined on these {estimate.SampleSize} examples (no example in its denominator): inconclusive."),
                subgroups);
        }

        var verdict = estimate.IsLowerBetter
            ? estimate.Upper <= Threshold ? MilestoneVerdict.Go : estimate.Lower > Threshold ? MilestoneVerdict.NoGo : MilestoneVerdict.Inconclusive
            : estimate.Lower >= Threshold ? MilestoneVerdict.Go : estimate.Upper < Threshold ? MilestoneVerdict.NoGo : MilestoneVerdict.Inconclusive;
        long? more = null;
        if (verdict == MilestoneVerdict.Inconclusive)
        {
            var gap = Math.Abs(estimate.Estimate - Threshold);
            var half = Math.Max(estimate.Estimate - estimate.Lower, estimate.Upper - estimate.Estimate);
            if (gap > 1e-12)
            {
                var required = estimate.SampleSize * (half / gap) * (half / gap);
                more = (long)Math.Max(1, Math.Ceiling(Math.Min(required, 1e15) - estimate.SampleSize));
            }
        }

        var suffix = more is { } m
            ? string.Create(CultureInfo.InvariantCulture,
                $"; about {m} more {(estimate.IsEstimated ? "predictions" : "labelled examples")} would settle it if the estimate holds.")
            : ".";
        var prefix = estimate.IsEstimated ? "Estimated without labels: " : string.Empty;
        var direction = estimate.IsLowerBetter ? " (lower is better)" : string.Empty;
        var explanation = prefix + string.Create(CultureInfo.InvariantCulture,
            $"{Metric} {estimate.Estimate:F4} with {ConfidenceLevel:P0} {estimate.IntervalMethod} interval "
            + $"[{estimate.Lower:F4}, {estimate.Upper:F4}] on {estimate.SampleSize} examples against threshold {Threshold:F4}{direction}: "
            + $"{Describe(verdict)}") + suffix;
        return new PerformanceGateResult(verdict, estimate, Threshold, ConfidenceLevel, more, explanation, subgroups);
    }

    private PerformanceGateResult CapSmallGroup(PerformanceGateResult result)
    {
        if (result.Verdict != MilestoneVerdict.Go || result.Estimate.SampleSize >= _options.MinimumGroupSize)
        {
            return result;
        }

        return result with
        {
            Verdict = MilestoneVerdict.Inconclusive,
            Explanation = result.Explanation + string.Create(CultureInfo.InvariantCulture,
                $" The group has {result.Estimate.SampleSize} examples, below the minimum of {_options.MinimumGroupSize}, so it cannot pass on its " +
                    $"own."),
        };
    }

    private static PerformanceGateResult Combine(PerformanceGateResult overall, SortedDictionary<string, PerformanceGateResult> subgroups)
    {
        var failing = new List<string>();
        var unsettled = new List<string>();
        foreach (var (group, result) in subgroups)
        {
            if (result.Verdict == MilestoneVerdict.NoGo)
            {
                failing.Add(group);
            }
            else if (result.Verdict == MilestoneVerdict.Inconclusive)
            {
                unsettled.Add(group);
            }
        }

        var verdict = overall.Verdict == MilestoneVerdict.NoGo || failing.Count > 0 ? MilestoneVerdict.NoGo
            : overall.Verdict == MilestoneVerdict.Go && unsettled.Count == 0 ? MilestoneVerdict.Go
            : MilestoneVerdict.Inconclusive;
        var explanation = overall.Explanation
            + (failing.Count > 0 ? $" Failing groups: {string.Join(", ", failing)}." : string.Empty)
            + (unsettled.Count > 0 ? $" Unsettled groups: {string.Join(", ", unsettled)}." : string.Empty)
            + $" Overall verdict across the aggregate and {subgroups.Count} groups: {Describe(verdict)}.";
        return overall with { Verdict = verdict, Explanation = explanation, Subgroups = subgroups };
    }

    private static string Describe(MilestoneVerdict verdict) => verdict switch
    {
        MilestoneVerdict.Go => "go",
        MilestoneVerdict.NoGo => "no-go",
        _ => "inconclusive",
    };

    private void RequireLabelMetric()
    {
        if (Metric == PerformanceMetric.Auc)
        {
            throw new ArgumentException("This gate judges AUC, which is computed from scores: pass scores instead of predicted labels.", "yPred");
        }

        if (Metric is PerformanceMetric.MeanAbsoluteError or PerformanceMetric.RootMeanSquaredError)
        {
            throw new ArgumentException(
                $"This gate judges {Metric}, a regression metric: call EvaluateRegression with actual and predicted values.", "yPred");
        }
    }

    private static void ValidateLabels(ReadOnlySpan<bool> yTrue, int otherLength, string otherName)
    {
        if (yTrue.IsEmpty)
        {
            throw new ArgumentException("The evaluation set is empty.", nameof(yTrue));
        }

        if (otherLength != yTrue.Length)
        {
            throw new ArgumentException($"{otherName} has {otherLength} values but yTrue has {yTrue.Length}.", otherName);
        }
    }

    private static void ValidateScores(ReadOnlySpan<double> scores, string name)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1))
            {
                throw new ArgumentException($"Scores must lie in [0, 1]; index {i} holds {scores[i]}.", name);
            }
        }
    }

    private static bool[] Binarise(ReadOnlySpan<double> scores)
    {
        var labels = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            labels[i] = scores[i] >= 0.5;
        }

        return labels;
    }

    private static Dictionary<string, List<int>> GroupIndexes(ReadOnlySpan<string> groups, int length)
    {
        if (groups.Length != length)
        {
            throw new ArgumentException($"groups has {groups.Length} values but yTrue has {length}.", nameof(groups));
        }

        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i] ?? throw new ArgumentException($"The group label at index {i} is null.", nameof(groups));
            if (!result.TryGetValue(group, out var members))
            {
                members = [];
                result[group] = members;
            }

            members.Add(i);
        }

        return result;
    }
}
