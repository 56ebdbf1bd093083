using System.Globalization;
using System.Runtime.InteropServices;
using AiGovernance.Oversight.Review;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Oversight.Analysis;

/// <summary>Analyses human overrides of AI recommendations in a single streaming pass, to tell active oversight from
/// passive compliance: who overrides, when, under what workload and at what AI confidence.</summary>
/// <remarks>
/// <para>Feed reviews with <see cref="Add"/> (or use <see cref="Analyze"/>/<see cref="AnalyzeAsync"/> over a sequence or a
/// log) and call <see cref="GetReport"/>. Memory is independent of the number of reviews: the analyzer keeps counts per
/// reviewer, per calendar day, per hour of the day and per confidence band, so it grows with reviewers and days, never
/// with reviews. O(1) per review; analysers of partitions combine with <see cref="Merge"/>. Reviews may arrive in any time
/// order (concurrent reviewers append out of order); the result does not depend on it. Each review's own timestamps are in
/// order by construction of <see cref="ReviewRecord"/>.</para>
/// <para>An override is a routed review whose final decision differs from the AI's prediction (the practice
/// guide's <c>human_decision != ai_prediction</c>); audits of automated decisions count separately as the audit error rate.
/// Hours and days are those of <see cref="ReviewRecord.FinalDecisionAt"/> in <see cref="OverrideAnalysisOptions.TimeZoneId"/>.</para>
/// <para>Workload: each calendar day with routed reviews counts once; high-volume days have a volume strictly above the
/// <see cref="OverrideAnalysisOptions.HighVolumePercentile"/> of daily volumes (linear interpolation, R type 7), low-volume
/// days strictly below the <see cref="OverrideAnalysisOptions.LowVolumePercentile"/>. (The practice guide's pandas code takes the
/// percentiles over reviews, weighting busy days more; a day-level percentile matches "days above the 75th percentile".)</para>
/// <para>Not thread-safe: use one analyzer per thread and merge. The report is an immutable snapshot.</para>
/// </remarks>
public sealed class OverrideAnalyzer
{
    private readonly OverrideAnalysisOptions _options;
    private readonly TimeZoneInfo? _timeZone;
    private readonly Dictionary<string, Tally> _byReviewer = new(StringComparer.Ordinal);
    private readonly Dictionary<long, Tally> _byDay = [];
    private readonly Tally[] _byHour = new Tally[24];
    private readonly Tally[] _byBand;
    private Tally _routed;
    private Tally _audits;
    private long _count;
    private long _disagreements;
    private long _changedMinds;
    private long _changedTowardAi;

    /// <summary>Creates an empty analyzer.</summary>
    /// <param name="options">The thresholds; null uses the defaults. Copied, so later changes do not affect this analyzer.</param>
    /// <exception cref="ArgumentException">The options break a rule (a range, or low percentile ≥ high percentile, or an unknown time
    /// zone).</exception>
    public OverrideAnalyzer(OverrideAnalysisOptions? options = null)
    {
        options ??= new OverrideAnalysisOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), OverrideAnalysisOptionsValidator.Instance,
            OverrideAnalysisOptionsCustomValidator.Instance);

        _options = Copy(options);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        _timeZone = zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime ? null : zone;
        _byBand = new Tally[options.ConfidenceBandCount];
    }

    /// <summary>The reviews added so far.</summary>
    public long Count => _count;

    /// <summary>Analyses a sequence of reviews in one pass.</summary>
    /// <param name="reviews">The reviews; enumerated once and never held.</param>
    /// <param name="options">The thresholds; null uses the defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviews"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static OverrideAnalysisReport Analyze(IEnumerable<ReviewRecord> reviews, OverrideAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var analyzer = new OverrideAnalyzer(options);
        foreach (var review in reviews)
        {
            analyzer.Add(review);
        }

        return analyzer.GetReport();
    }

    /// <summary>Analyses a stream of reviews, for example <see cref="IReviewLog.ReadAsync"/>, in one pass.</summary>
    /// <param name="reviews">The reviews; enumerated once and never held.</param>
    /// <param name="options">The thresholds; null uses the defaults.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reviews"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static async ValueTask<OverrideAnalysisReport> AnalyzeAsync(IAsyncEnumerable<ReviewRecord> reviews,
        OverrideAnalysisOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var analyzer = new OverrideAnalyzer(options);
        await foreach (var review in reviews.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            analyzer.Add(review);
        }

        return analyzer.GetReport();
    }

    /// <summary>Counts one review.</summary>
    /// <param name="review">The review.</param>
    /// <exception cref="ArgumentNullException"><paramref name="review"/> is null.</exception>
    public void Add(ReviewRecord review)
    {
        ArgumentNullException.ThrowIfNull(review);
        _count++;
        var changedMind = review.ChangedMind;
        var isOverride = review.IsOverride;
        if (review.Disagreement)
        {
            _disagreements++;
        }

        if (changedMind)
        {
            _changedMinds++;
            if (!isOverride)
            {
                _changedTowardAi++;
            }
        }

        if (review.Kind == ReviewKind.Audit)
        {
            _audits.Add(isOverride);
            return;
        }

        _routed.Add(isOverride);
        CollectionsMarshal.GetValueRefOrAddDefault(_byReviewer, review.ReviewerId, out _).Add(isOverride);
        var localTicks = _timeZone is null
            ? review.FinalDecisionAt.UtcTicks
            : TimeZoneInfo.ConvertTime(review.FinalDecisionAt, _timeZone).Ticks;
        CollectionsMarshal.GetValueRefOrAddDefault(_byDay, localTicks / TimeSpan.TicksPerDay, out _).Add(isOverride);
        _byHour[(int)(localTicks / TimeSpan.TicksPerHour % 24)].Add(isOverride);
        _byBand[Math.Min((int)(review.AiConfidence * _byBand.Length), _byBand.Length - 1)].Add(isOverride);
    }

    /// <summary>Adds the counts of another analyzer (for example of another partition of the log).</summary>
    /// <param name="other">The other analyzer; it is not changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The analyzers use different confidence bands or time zones.</exception>
    public void Merge(OverrideAnalyzer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._byBand.Length != _byBand.Length || !string.Equals(other._options.TimeZoneId, _options.TimeZoneId, StringComparison.Ordinal))
        {
            throw new ArgumentException("Only analyzers with the same confidence bands and time zone can be merged.", nameof(other));
        }

        _count += other._count;
        _disagreements += other._disagreements;
        _changedMinds += other._changedMinds;
        _changedTowardAi += other._changedTowardAi;
        _routed.Add(other._routed);
        _audits.Add(other._audits);
        foreach (var (reviewer, tally) in other._byReviewer)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_byReviewer, reviewer, out _).Add(tally);
        }

        foreach (var (day, tally) in other._byDay)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_byDay, day, out _).Add(tally);
        }

        for (var h = 0; h < _byHour.Length; h++)
        {
            _byHour[h].Add(other._byHour[h]);
        }

        for (var b = 0; b < _byBand.Length; b++)
        {
            _byBand[b].Add(other._byBand[b]);
        }
    }

    /// <summary>Computes the report from the reviews added so far.</summary>
    /// <returns>The report; adding more reviews afterwards does not change it.</returns>
    public OverrideAnalysisReport GetReport()
    {
        var level = _options.ConfidenceLevel;
        var warnings = new List<OversightWarning>();
        var notes = new List<string>();
        if (_count == 0)
        {
            notes.Add("No reviews to analyse: the review set is empty.");
        }
        else if (_routed.Reviews == 0)
        {
            notes.Add(Invariant($"No routed reviews among the {_count} reviews: override rates cannot be estimated."));
        }

        ProportionEstimate? overall = _routed.Reviews > 0 ? ProportionEstimate.Of(_routed.Overrides, _routed.Reviews, level) : null;
        if (overall is { } o && o.Rate < _options.LowOverallOverrideRate)
        {
            var text = Invariant($"Very low override rate ({Format.Rate(o)} of routed reviews) is below ")
                + Invariant($"{InvariantFormat.Percent(_options.LowOverallOverrideRate)}: possible automation bias or insufficient reviewer ")
                + "training.";
            warnings.Add(new OversightWarning(OversightWarningKind.AutomationBias, text, o.Rate, _options.LowOverallOverrideRate));
        }

        var reviewers = ByReviewer(level, warnings);
        var heterogeneity = Heterogeneity(reviewers, warnings, notes);
        var hours = ByHour(level);
        var fatigue = Fatigue(warnings, notes);
        var workload = _routed.Reviews > 0 ? Workload(level, warnings, notes) : (WorkloadComparison?)null;
        var changedMinds = ChangedMinds(level, warnings);
        var audit = AuditErrors(level, warnings);
        return new OverrideAnalysisReport(_count, overall, reviewers, hours, workload, ByBand(level), heterogeneity, fatigue, changedMinds,
            audit, warnings, notes);
    }

    private List<ReviewerOverrideRate> ByReviewer(double level, List<OversightWarning> warnings)
    {
        var rates = new List<ReviewerOverrideRate>(_byReviewer.Count);
        var eligible = 0;
        var flaggedIds = new List<string>();
        foreach (var (reviewer, tally) in _byReviewer)
        {
            var estimate = ProportionEstimate.Of(tally.Overrides, tally.Reviews, level);
            var isEligible = tally.Reviews >= _options.MinimumReviewsPerReviewer;
            var isFlagged = isEligible && estimate.Rate < _options.LowReviewerOverrideRate;
            eligible += isEligible ? 1 : 0;
            rates.Add(new ReviewerOverrideRate(reviewer, estimate, isEligible, isFlagged));
        }

        rates.Sort((a, b) => string.CompareOrdinal(a.ReviewerId, b.ReviewerId));
        foreach (var rate in rates)
        {
            if (rate.IsFlagged)
            {
                flaggedIds.Add(Invariant($"{rate.ReviewerId} {InvariantFormat.Percent(rate.Overrides.Rate)} of {rate.Overrides.Trials}"));
            }
        }

        if (eligible > 0 && flaggedIds.Count > eligible * _options.RubberStampingReviewerShare)
        {
            var share = (double)flaggedIds.Count / eligible;
            var text = Invariant($"{flaggedIds.Count} of {eligible} reviewers with at least {_options.MinimumReviewsPerReviewer} reviews ")
                + Invariant($"({InvariantFormat.Percent(share)}, more than {InvariantFormat.Percent(_options.RubberStampingReviewerShare)}) ")
                + Invariant($"have an override rate below {InvariantFormat.Percent(_options.LowReviewerOverrideRate)}, ")
                + Invariant($"indicating potential rubber-stamping: {string.Join(", ", flaggedIds)}.");
            warnings.Add(new OversightWarning(OversightWarningKind.RubberStamping, text, share, _options.RubberStampingReviewerShare));
        }

        return rates;
    }

    private ReviewerHeterogeneity? Heterogeneity(List<ReviewerOverrideRate> reviewers, List<OversightWarning> warnings, List<string> notes)
    {
        var rows = 0;
        long overrides = 0, total = 0;
        foreach (var r in reviewers)
        {
            if (r.IsEligible)
            {
                rows++;
                overrides += r.Overrides.Events;
                total += r.Overrides.Trials;
            }
        }

        if (rows < 2)
        {
            if (_routed.Reviews > 0)
            {
                notes.Add(Invariant($"Reviewer heterogeneity not tested: {rows} reviewer(s) with at least {_options.MinimumReviewsPerReviewer} ") +
                    Invariant($"reviews; two are needed."));
            }

            return null;
        }

        if (overrides == 0 || overrides == total)
        {
            notes.Add(Invariant($"Reviewer heterogeneity not tested: the {rows} eligible reviewers {(overrides == 0 ? "never" : "always")} ") +
                Invariant($"override, so every rate is equal."));
            return null;
        }

        var table = new long[rows, 2];
        var row = 0;
        foreach (var r in reviewers)
        {
            if (r.IsEligible)
            {
                table[row, 0] = r.Overrides.Events;
                table[row, 1] = r.Overrides.Trials - r.Overrides.Events;
                row++;
            }
        }

        var test = ChiSquared.Contingency(table);
        var result = new ReviewerHeterogeneity(rows, test.Statistic, test.DegreesOfFreedom, test.PValue);
        if (test.PValue < _options.SignificanceLevel)
        {
            var (lowest, highest) = Extremes(reviewers);
            warnings.Add(new OversightWarning(OversightWarningKind.ReviewerInconsistency, Invariant(
                $"Override rates differ across the {rows} eligible reviewers (chi-squared = {test.Statistic:0.###}, df = {test.DegreesOfFreedom}, ") +
                    Invariant($"p = {Format.P(test.PValue)} < {_options.SignificanceLevel}; from {lowest.ReviewerId} ") +
                    Invariant($"{InvariantFormat.Percent(lowest.Overrides.Rate)} to {highest.ReviewerId} ") +
                    Invariant($"{InvariantFormat.Percent(highest.Overrides.Rate)}): ") +
                    Invariant($"reviewers apply different standards."),
                test.PValue, _options.SignificanceLevel));
        }

        return result;
    }

    private static (ReviewerOverrideRate Lowest, ReviewerOverrideRate Highest) Extremes(List<ReviewerOverrideRate> reviewers)
    {
        ReviewerOverrideRate? lowest = null, highest = null;
        foreach (var r in reviewers)
        {
            if (!r.IsEligible)
            {
                continue;
            }

            if (lowest is null || r.Overrides.Rate < lowest.Value.Overrides.Rate)
            {
                lowest = r;
            }

            if (highest is null || r.Overrides.Rate > highest.Value.Overrides.Rate)
            {
                highest = r;
            }
        }

        return (lowest!.Value, highest!.Value);
    }

    private List<HourOverrideRate> ByHour(double level)
    {
        var hours = new List<HourOverrideRate>();
        for (var h = 0; h < _byHour.Length; h++)
        {
            if (_byHour[h].Reviews > 0)
            {
                hours.Add(new HourOverrideRate(h, ProportionEstimate.Of(_byHour[h].Overrides, _byHour[h].Reviews, level)));
            }
        }

        return hours;
    }

    private FatigueTrend? Fatigue(List<OversightWarning> warnings, List<string> notes)
    {
        Span<double> x = stackalloc double[24];
        Span<double> y = stackalloc double[24];
        var n = 0;
        for (var h = 0; h < _byHour.Length; h++)
        {
            if (_byHour[h].Reviews >= _options.MinimumReviewsPerHour)
            {
                x[n] = h;
                y[n] = (double)_byHour[h].Overrides / _byHour[h].Reviews;
                n++;
            }
        }

        if (n < 3)
        {
            if (_routed.Reviews > 0)
            {
                notes.Add(Invariant($"Fatigue trend not fitted: {n} hour(s) of the day with at least {_options.MinimumReviewsPerHour} reviews; ") +
                    Invariant($"three are needed."));
            }

            return null;
        }

        var fit = LinearTrend.Fit(x[..n], y[..n]);
        var trend = new FatigueTrend(n, (int)x[0], (int)x[n - 1], fit.Slope, fit.Intercept, fit.R, fit.PValue);
        if (fit.Slope < 0 && fit.PValue < _options.SignificanceLevel)
        {
            warnings.Add(new OversightWarning(OversightWarningKind.Fatigue, Invariant(
                $"Override rate falls by {Format.PointsMagnitude(fit.Slope)} per hour over the working day (fitted ") +
                    Invariant($"{InvariantFormat.Percent(trend.RateAt(trend.FirstHour))} at {trend.FirstHour:00}:00 to ") +
                    Invariant($"{InvariantFormat.Percent(trend.RateAt(trend.LastHour))} at {trend.LastHour:00}:00 over {n} hours; r = ") +
                    Invariant($"{fit.R:0.###}, p = ") +
                    Invariant($"{Format.P(fit.PValue)} < {_options.SignificanceLevel}): reviewer fatigue."),
                fit.Slope, 0));
        }

        return trend;
    }

    private WorkloadComparison Workload(double level, List<OversightWarning> warnings, List<string> notes)
    {
        var volumes = new double[_byDay.Count];
        var i = 0;
        foreach (var tally in _byDay.Values)
        {
            volumes[i++] = tally.Reviews;
        }

        var sorted = SortedSample.Create(volumes);
        var low = sorted.Quantile(_options.LowVolumePercentile);
        var high = sorted.Quantile(_options.HighVolumePercentile);
        Tally lowTally = default, highTally = default;
        int lowDays = 0, highDays = 0;
        foreach (var tally in _byDay.Values)
        {
            if (tally.Reviews > high)
            {
                highTally.Add(tally);
                highDays++;
            }
            else if (tally.Reviews < low)
            {
                lowTally.Add(tally);
                lowDays++;
            }
        }

        ProportionEstimate? lowRate = lowDays > 0 ? ProportionEstimate.Of(lowTally.Overrides, lowTally.Reviews, level) : null;
        ProportionEstimate? highRate = highDays > 0 ? ProportionEstimate.Of(highTally.Overrides, highTally.Reviews, level) : null;
        if (lowRate is null || highRate is null)
        {
            notes.Add(Invariant($"Workload comparison incomplete: over {volumes.Length} day(s), {lowDays} fall below the low-volume threshold ") +
                Invariant($"({low:0.##} reviews) and {highDays} above the high-volume threshold ({high:0.##} reviews)."));
        }
        else if (highRate.Value.Rate < lowRate.Value.Rate * _options.WorkloadRateRatio)
        {
            var ratio = highRate.Value.Rate / lowRate.Value.Rate;
            warnings.Add(new OversightWarning(OversightWarningKind.WorkloadPressure, Invariant(
                $"Override rate drops {InvariantFormat.Percent(1 - ratio)} on high-volume days ({highDays} days with more than {high:0.##} ") +
                    Invariant($"reviews: {Format.Rate(highRate)}) against low-volume days ({lowDays} days with fewer than {low:0.##} reviews: ") +
                    Invariant($"{Format.Rate(lowRate)}), below {_options.WorkloadRateRatio:0.##} times the low-volume rate: workload pressure ") +
                    Invariant($"affects review ") +
                    Invariant($"quality."),
                ratio, _options.WorkloadRateRatio));
        }

        return new WorkloadComparison(volumes.Length, low, high, lowDays, highDays, lowRate, highRate);
    }

    private List<ConfidenceBandOverrideRate> ByBand(double level)
    {
        var bands = new List<ConfidenceBandOverrideRate>();
        for (var b = 0; b < _byBand.Length; b++)
        {
            if (_byBand[b].Reviews > 0)
            {
                bands.Add(new ConfidenceBandOverrideRate((double)b / _byBand.Length, (double)(b + 1) / _byBand.Length,
                    ProportionEstimate.Of(_byBand[b].Overrides, _byBand[b].Reviews, level)));
            }
        }

        return bands;
    }

    private ChangedMindSummary ChangedMinds(double level, List<OversightWarning> warnings)
    {
        ProportionEstimate? towardAi = _changedMinds > 0 ? ProportionEstimate.Of(_changedTowardAi, _changedMinds, level) : null;
        if (towardAi is { } t && t.Trials >= _options.MinimumChangedMinds && t.Rate > _options.TowardAiShareThreshold)
        {
            warnings.Add(new OversightWarning(OversightWarningKind.DeferenceToAi, Invariant(
                $"{Format.Rate(t)} of reviewers' changed minds moved to the AI's recommendation after it was revealed, more than ") +
                    Invariant($"{InvariantFormat.Percent(_options.TowardAiShareThreshold)} ({_disagreements} initial disagreements in {_count} ") +
                    Invariant($"reviews): ") +
                    Invariant($"automation bias in the two-stage protocol."),
                t.Rate, _options.TowardAiShareThreshold));
        }

        return new ChangedMindSummary(_count, _disagreements, _changedMinds, towardAi);
    }

    private ProportionEstimate? AuditErrors(double level, List<OversightWarning> warnings)
    {
        if (_audits.Reviews == 0)
        {
            return null;
        }

        var errors = ProportionEstimate.Of(_audits.Overrides, _audits.Reviews, level);
        if (errors.Interval.Lower > _options.TolerableAuditErrorRate)
        {
            warnings.Add(new OversightWarning(OversightWarningKind.AuditErrorRate, Invariant(
                $"Audits found automated decisions wrong in {Format.Rate(errors)}; even the interval's lower bound exceeds the tolerable ") +
                    Invariant($"{InvariantFormat.Percent(_options.TolerableAuditErrorRate)}: the confidence threshold lets too many errors through."),
                errors.Rate, _options.TolerableAuditErrorRate));
        }

        return errors;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static OverrideAnalysisOptions Copy(OverrideAnalysisOptions o) => new()
    {
        ConfidenceLevel = o.ConfidenceLevel,
        LowOverallOverrideRate = o.LowOverallOverrideRate,
        LowReviewerOverrideRate = o.LowReviewerOverrideRate,
        MinimumReviewsPerReviewer = o.MinimumReviewsPerReviewer,
        RubberStampingReviewerShare = o.RubberStampingReviewerShare,
        WorkloadRateRatio = o.WorkloadRateRatio,
        HighVolumePercentile = o.HighVolumePercentile,
        LowVolumePercentile = o.LowVolumePercentile,
        ConfidenceBandCount = o.ConfidenceBandCount,
        MinimumReviewsPerHour = o.MinimumReviewsPerHour,
        SignificanceLevel = o.SignificanceLevel,
        TowardAiShareThreshold = o.TowardAiShareThreshold,
        MinimumChangedMinds = o.MinimumChangedMinds,
        TolerableAuditErrorRate = o.TolerableAuditErrorRate,
        TimeZoneId = o.TimeZoneId,
    };

    private struct Tally
    {
        public long Reviews;
        public long Overrides;

        public void Add(bool isOverride)
        {
            Reviews++;
            Overrides += isOverride ? 1 : 0;
        }

        public void Add(Tally other)
        {
            Reviews += other.Reviews;
            Overrides += other.Overrides;
        }
    }
}
