using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using AiGovernance.Core;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>Compares current windows with a fitted <see cref="DriftReference"/>, column by column, in parallel.</summary>
/// <remarks>
/// <para><b>Automatic method choice</b> (overridable per column with <see cref="DataDriftOptions.ColumnMethods"/>). When the
/// reference column has at most <see cref="DataDriftOptions.SmallReferenceRows"/> (1,000) present values: a column with
/// exactly two distinct values uses the two-proportion z-test; a numeric column with more than 5 distinct values
/// (<see cref="DataDriftOptions.MinimumDistinctForKolmogorovSmirnov"/>) uses the two-sample Kolmogorov–Smirnov test;
/// any other column (categorical, or numeric with few values) uses the chi-squared test of the 2 × k count table.
/// Larger references use the normalised Wasserstein distance (W₁ / σ_ref) for numeric columns and the Jensen–Shannon
/// distance for categorical ones, drifted above <see cref="DataDriftOptions.DistanceThreshold"/> (0.1), because with
/// many rows every test rejects for differences too small to matter.</para>
/// <para><b>Distribution-shape methods</b> are chosen per column in options: <see cref="DriftMethod.CramerVonMises"/>,
/// <see cref="DriftMethod.AndersonDarling"/> and <see cref="DriftMethod.EppsSingleton"/> are tests (their p-values join the
/// correction), <see cref="DriftMethod.EnergyDistance"/> is a distance (E/√σ_ref against the distance threshold).</para>
/// <para><b>Effect sizes.</b> PSI on the reference's quantile bins (categories for categorical columns) is always
/// reported, plus the normalised Wasserstein distance (numeric) or the Jensen–Shannon distance (categorical).</para>
/// <para><b>Missing values</b> are dropped before comparing distributions; the missing rate itself is compared with a
/// two-proportion z-test whose p-value joins the correction family, and counts as drift when significant and at least
/// <see cref="DataDriftOptions.MinimumMissingRateChange"/> in size.</para>
/// <para><b>Correction.</b> All test p-values of one comparison are corrected together (Benjamini–Hochberg by default).
/// <b>Dataset drift</b> when the share of drifted reference columns reaches <see cref="DataDriftOptions.DriftShareThreshold"/>.</para>
/// <para><b>Bad input</b> is reported, not thrown: a reference column absent from the window, an all-missing window column
/// and a kind mismatch count as drifted (severity high); a window column the reference lacks is listed without counting.
/// An empty window is an error.</para>
/// <para>Thread-safe; one detector and one reference may serve concurrent comparisons.</para>
/// </remarks>
public sealed class DataDriftDetector
{
    /// <summary>The upper bound of <see cref="DataDriftOptions.Bins"/> documented by its <c>[Range]</c>.</summary>
    internal const int MaximumBins = 1000;

    /// <summary>The floor on σ_ref of the normalised Wasserstein distance (the Statistics package's, Evidently's 0.001).</summary>
    private const double MinimumWassersteinScale = 1e-3;

    private readonly DataDriftOptions _options;
    private readonly Dictionary<string, DriftMethod> _overrides;
    private readonly DriftSeverityPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly MonitoringTelemetry _telemetry;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Methods, thresholds, correction and parallelism; defaults when <see langword="null"/>. Copied, so later edits have no
    /// effect.</param>
    /// <param name="policy">Severity thresholds; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">Stamps reports; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentException">An option is out of range (the message lists every one).</exception>
    public DataDriftDetector(DataDriftOptions? options = null, DriftSeverityPolicy? policy = null, TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        options ??= new DataDriftOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), DataDriftOptionsValidator.Instance);

        _options = new DataDriftOptions
        {
            SmallReferenceRows = options.SmallReferenceRows,
            MinimumDistinctForKolmogorovSmirnov = options.MinimumDistinctForKolmogorovSmirnov,
            SignificanceLevel = options.SignificanceLevel,
            DistanceThreshold = options.DistanceThreshold,
            Correction = options.Correction,
            DriftShareThreshold = options.DriftShareThreshold,
            Bins = options.Bins,
            MinimumMissingRateChange = options.MinimumMissingRateChange,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
        };
        _overrides = new Dictionary<string, DriftMethod>(options.ColumnMethods, StringComparer.Ordinal);
        _policy = policy ?? new DriftSeverityPolicy();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _telemetry = MonitoringTelemetry.Create(meterFactory);
    }

    /// <summary>Fits a reference with this detector's bin count.</summary>
    /// <param name="reference">The reference data.</param>
    /// <returns>The fitted reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> has no rows.</exception>
    public DriftReference Fit(TabularData reference) => DriftReference.Fit(reference, _options.Bins);

    /// <summary>Fits a reference with this detector's bin count, columns in parallel
    /// (<see cref="DataDriftOptions.MaxDegreeOfParallelism"/>); the same result as <see cref="Fit"/>.</summary>
    /// <param name="reference">The reference data.</param>
    /// <param name="progress">Receives one report per fitted column; may be null.</param>
    /// <param name="cancellationToken">Cancels the fit; checked before each column.</param>
    /// <returns>The fitted reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> has no rows.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<DriftReference> FitAsync(TabularData reference, IProgress<DriftProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        DriftReference.FitAsync(reference, _options.Bins, _options.MaxDegreeOfParallelism, progress, cancellationToken);

    /// <summary>Compares a window with the reference, columns in parallel.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current window.</param>
    /// <param name="progress">Receives one report per finished column; may be null.</param>
    /// <param name="cancellationToken">Cancels the comparison.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> has no rows.</exception>
    /// <exception cref="InvalidOperationException">A method override does not fit the column's kind, or a distribution-shape
    /// method cannot judge the column's values (too few of them, or no spread for Epps–Singleton).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DataDriftReport> CompareAsync(DriftReference reference, TabularData current, IProgress<DriftProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var activity = MonitoringTelemetry.Activities.StartActivity("aigovernance.monitoring.drift.compare");
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (current.RowCount == 0)
        {
            throw new ArgumentException("The current window has no rows.", nameof(current));
        }

        var methods = ChooseMethods(reference);
        var results = new ColumnDriftResult[reference.Columns.Count];
        var completed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, results.Length, parallel, (i, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            var column = reference.Columns[i];
            current.TryGetColumn(column.Name, out var window);
            results[i] = CompareColumn(column, window, methods[i]);
            progress?.Report(new DriftProgress(Interlocked.Increment(ref completed), results.Length, column.Name));
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        return MonitoringTelemetry.TagDriftRun(activity, Summarise(reference, current.RowCount, current.Columns, results));
    }

    /// <summary>Compares a window with the reference and blocks until done (columns still run in parallel).</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The current window.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> has no rows.</exception>
    /// <exception cref="InvalidOperationException">A method override does not fit the column's kind, or a distribution-shape
    /// method cannot judge the column's values (too few of them, or no spread for Epps–Singleton).</exception>
    public DataDriftReport Compare(DriftReference reference, TabularData current)
    {
        using var activity = MonitoringTelemetry.Activities.StartActivity("aigovernance.monitoring.drift.compare");
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (current.RowCount == 0)
        {
            throw new ArgumentException("The current window has no rows.", nameof(current));
        }

        var methods = ChooseMethods(reference);
        var results = new ColumnDriftResult[reference.Columns.Count];
        try
        {
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism }, i =>
            {
                var column = reference.Columns[i];
                current.TryGetColumn(column.Name, out var window);
                results[i] = CompareColumn(column, window, methods[i]);
            });
        }
        catch (AggregateException e)
        {
            // Surface what a column threw (as CompareAsync does), not the parallel loop's wrapper.
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
            throw;
        }

        return MonitoringTelemetry.TagDriftRun(activity, Summarise(reference, current.RowCount, current.Columns, results));
    }

    /// <summary>Compares a window summarised as a <see cref="WindowProfile"/> (merged from replicas or partitions) with the reference.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="current">The window's profile, created by <see cref="WindowProfile.Create"/> from this reference.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="current"/> has no rows, more than <see cref="int.MaxValue"/> rows, or was
    /// not built on this reference's columns and bins.</exception>
    /// <exception cref="InvalidOperationException">A method override does not fit the column's kind.</exception>
    /// <remarks>
    /// <para><b>Exact, bit for bit equal to the in-memory comparison of the concatenated rows:</b> every count-based result —
    /// PSI, the missing-rate z-test, and for categorical columns the chi-squared, Jensen–Shannon and z-tests — and the
    /// correction and verdicts built on them.</para>
    /// <para><b>Estimated:</b> numeric columns are judged by the normalised Wasserstein distance (W₁ / σ_ref) between the
    /// exact reference and the window's KLL sketch, whatever method the in-memory detector would choose (Kolmogorov–Smirnov
    /// p-values, chi-squared over distinct values and the z-test on two values need the raw values). Its error bound
    /// ε_cur·(max − min)/σ_ref is stated in the column's reason; it is exact while the sketch has not compacted.</para>
    /// </remarks>
    public DataDriftReport Compare(DriftReference reference, WindowProfile current)
    {
        using var activity = MonitoringTelemetry.Activities.StartActivity("aigovernance.monitoring.drift.compare");
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (current.RowCount == 0)
        {
            throw new ArgumentException("The current window has no rows.", nameof(current));
        }

        if (current.RowCount > int.MaxValue)
        {
            throw new ArgumentException($"The window has {current.RowCount} rows; reports count rows as 32-bit integers.", nameof(current));
        }

        var methods = ChooseMethods(reference);
        var results = new ColumnDriftResult[reference.Columns.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var column = reference.Columns[i];
            var index = current.IndexOf(column.Name);
            if (index >= 0 && column.Kind == ColumnKind.Numeric && !Equals(column.Profile.Edges, current.Columns[index].Edges))
            {
                throw new ArgumentException($"Column '{UntrustedText.Bound(column.Name)}' of the window profile was not built on the reference's " +
                    $"bins.", nameof(current));
            }

            results[i] = CompareColumnProfile(column, index < 0 ? null : current.Columns[index], (int)current.RowCount, methods[i]);
        }

        return MonitoringTelemetry.TagDriftRun(activity, Summarise(reference, (int)current.RowCount, [], results));
    }

    /// <summary>The bins fitted per numeric reference column (for the columnar runner, which fits column by column).</summary>
    internal int Bins => _options.Bins;

    private (DriftMethod Method, string Reason)[] ChooseMethods(DriftReference reference)
    {
        var methods = new (DriftMethod, string)[reference.Columns.Count];
        for (var i = 0; i < methods.Length; i++)
        {
            methods[i] = ChooseMethod(reference.Columns[i]);
        }

        return methods;
    }

    /// <summary>The method for one reference column: the override in the options, else the automatic choice.</summary>
    internal (DriftMethod Method, string Reason) ChooseMethod(ColumnReference column)
    {
        if (_overrides.TryGetValue(column.Name, out var chosen) && chosen != DriftMethod.Auto)
        {
            var numericOnly = chosen is DriftMethod.KolmogorovSmirnov or DriftMethod.NormalizedWasserstein or DriftMethod.CramerVonMises
                or DriftMethod.AndersonDarling or DriftMethod.EnergyDistance or DriftMethod.EppsSingleton;
            if (numericOnly && column.Kind != ColumnKind.Numeric)
            {
                throw new InvalidOperationException($"Column '{UntrustedText.Bound(column.Name)}' is categorical; {chosen} needs a numeric column.");
            }

            return (chosen, "set in options");
        }

        return Choose(column);
    }

    private (DriftMethod, string) Choose(ColumnReference column)
    {
        var n = column.RowCount - column.MissingCount;
        var distinct = column.DistinctCount;
        var small = _options.SmallReferenceRows;
        if (n > small)
        {
            return column.Kind == ColumnKind.Numeric
                ? (DriftMethod.NormalizedWasserstein,
                    Invariant($"reference has {n} present values (> {small}): normalised Wasserstein distance, threshold ") +
                    Invariant($"{_options.DistanceThreshold:G3}"))
                : (DriftMethod.JensenShannon, Invariant($"reference has {n} present values (> {small}): Jensen–Shannon distance, threshold ") +
                    Invariant($"{_options.DistanceThreshold:G3}"));
        }

        if (distinct == 2)
        {
            return (DriftMethod.TwoProportionZTest,
                Invariant($"reference has {n} present values (≤ {small}) and 2 distinct values: two-proportion z-test"));
        }

        if (column.Kind == ColumnKind.Numeric && distinct >= _options.MinimumDistinctForKolmogorovSmirnov)
        {
            return (DriftMethod.KolmogorovSmirnov, Invariant($"reference has {n} present values (≤ {small}) and {distinct} distinct values (> ") +
                Invariant($"{_options.MinimumDistinctForKolmogorovSmirnov - 1}): Kolmogorov–Smirnov"));
        }

        return column.Kind == ColumnKind.Numeric
            ? (DriftMethod.ChiSquared, Invariant($"reference has {n} present values (≤ {small}) and only {distinct} distinct values: chi-squared ") +
                Invariant($"over the values"))
            : (DriftMethod.ChiSquared, Invariant($"categorical, reference has {n} present values (≤ {small}): chi-squared"));
    }

    /// <summary>Compares one column with its reference: the per-column step shared by <see cref="Compare(DriftReference, TabularData)"/>,
    /// <see cref="CompareAsync"/> and the columnar runner, so all give the same bits.</summary>
    internal ColumnDriftResult CompareColumn(ColumnReference reference, TabularColumn? window, (DriftMethod Method, string Reason) choice)
    {
        var baseline = new ColumnDriftResult
        {
            Column = reference.Name,
            Kind = reference.Kind,
            ReferenceCount = reference.RowCount - reference.MissingCount,
            ReferenceMissingRate = reference.MissingRate,
        };
        if (window is null)
        {
            return baseline with { Status = ColumnDriftStatus.MissingInCurrent, Reason = "the current window has no such " +
                "column", IsDrifted = true, Severity = Severity.High };
        }

        baseline = baseline with { CurrentCount = window.Length - window.MissingCount, CurrentMissingRate = window.MissingRate };
        if (window.Kind != reference.Kind)
        {
            return baseline with { Status = ColumnDriftStatus.KindMismatch, Reason = $"the reference column is {reference.Kind} but the current " +
                $"one is {window.Kind}", IsDrifted = true, Severity = Severity.High };
        }

        if (reference.MissingCount == reference.RowCount)
        {
            return baseline with { Status = ColumnDriftStatus.NoReferenceValues, Reason = "every reference value is missing" };
        }

        if (window.MissingCount == window.Length)
        {
            return baseline with { Status = ColumnDriftStatus.AllMissing, Reason = "every current value is " +
                "missing", IsDrifted = true, Severity = Severity.High, CurrentMissingRate = 1 };
        }

        var missingP = double.NaN;
        if (reference.MissingCount + window.MissingCount > 0)
        {
            missingP = ProportionZTest.TwoSample(window.MissingCount, window.Length, reference.MissingCount, reference.RowCount).PValue;
        }

        (double Statistic, double PValue, double Psi, double Wasserstein, double JensenShannon, double Unseen, string? Note) result;
        try
        {
            result = window is NumericColumn numeric
                ? CompareNumeric(reference, numeric, choice.Method)
                : CompareCategorical(reference, (CategoricalColumn)window, choice.Method);
        }
        catch (ArgumentException e) when (choice.Method is DriftMethod.CramerVonMises or DriftMethod.AndersonDarling or DriftMethod.EppsSingleton)
        {
            // A method chosen in options that cannot judge this column's data (too few values, no spread).
            throw new InvalidOperationException($"Column '{reference.Name}' cannot be compared by {choice.Method}: {e.Message}", e);
        }

        return baseline with
        {
            Status = ColumnDriftStatus.Compared,
            Method = choice.Method,
            Reason = result.Note is null ? choice.Reason : choice.Reason + "; " + result.Note,
            UnseenShare = result.Unseen,
            Statistic = result.Statistic,
            PValue = result.PValue,
            Psi = result.Psi,
            NormalizedWasserstein = result.Wasserstein,
            JensenShannon = result.JensenShannon,
            MissingRatePValue = missingP,
            Threshold = IsTest(choice.Method) ? _options.SignificanceLevel : _options.DistanceThreshold,
        };
    }

    private ColumnDriftResult CompareColumnProfile(ColumnReference reference, ColumnProfile? window, int rows, (DriftMethod Method,
        string Reason) choice)
    {
        var baseline = new ColumnDriftResult
        {
            Column = reference.Name,
            Kind = reference.Kind,
            ReferenceCount = reference.RowCount - reference.MissingCount,
            ReferenceMissingRate = reference.MissingRate,
        };
        if (window is null)
        {
            return baseline with { Status = ColumnDriftStatus.MissingInCurrent, Reason = "the current window has no such column", IsDrifted = true,
                Severity = Severity.High };
        }

        var missing = window.MissingCount;
        baseline = baseline with { CurrentCount = window.Count, CurrentMissingRate = (double)missing / rows };
        var kind = window.Kind;
        if (kind != reference.Kind)
        {
            return baseline with { Status = ColumnDriftStatus.KindMismatch,
                Reason = $"the reference column is {reference.Kind} but the current one is {kind}", IsDrifted = true, Severity = Severity.High };
        }

        if (reference.MissingCount == reference.RowCount)
        {
            return baseline with { Status = ColumnDriftStatus.NoReferenceValues, Reason = "every reference value is missing" };
        }

        if (window.Count == 0)
        {
            return baseline with { Status = ColumnDriftStatus.AllMissing, Reason = "every current value is missing", IsDrifted = true,
                Severity = Severity.High, CurrentMissingRate = 1 };
        }

        var missingP = double.NaN;
        if (reference.MissingCount + missing > 0)
        {
            missingP = ProportionZTest.TwoSample(missing, rows, reference.MissingCount, reference.RowCount).PValue;
        }

        var method = choice.Method;
        var reason = choice.Reason;
        (double Statistic, double PValue, double Psi, double Wasserstein, double JensenShannon, double Unseen, string? Note) result;
        if (kind == ColumnKind.Numeric)
        {
            // Only the bins and the sketch survive profiling: judge by W₁/σ_ref from the sketch, stating its bound.
            var sample = reference.Sample!;
            var psi = ProfileComparison.PopulationStabilityIndex(reference.Profile, window).Value;
            var estimate = ProfileComparison.WassersteinDistance(sample, window);
            var scale = Math.Max(sample.PopulationStandardDeviation, MinimumWassersteinScale);
            var normalised = estimate.Value / scale;
            method = DriftMethod.NormalizedWasserstein;
            reason = estimate.IsApproximate
                ? Invariant($"window profile: normalised Wasserstein distance from its sketch (±{estimate.ErrorBound / scale:G3}), threshold ")
                    + Invariant($"{_options.DistanceThreshold:G3}")
                : Invariant($"window profile: normalised Wasserstein distance (exact, the sketch holds every value), threshold ")
                    + Invariant($"{_options.DistanceThreshold:G3}");
            result = (normalised, double.NaN, psi, normalised, double.NaN, double.NaN, null);
        }
        else
        {
            result = CompareCategorical(reference, window, method);
        }

        return baseline with
        {
            Status = ColumnDriftStatus.Compared,
            Method = method,
            Reason = result.Note is null ? reason : reason + "; " + result.Note,
            UnseenShare = result.Unseen,
            Statistic = result.Statistic,
            PValue = result.PValue,
            Psi = result.Psi,
            NormalizedWasserstein = result.Wasserstein,
            JensenShannon = result.JensenShannon,
            MissingRatePValue = missingP,
            Threshold = IsTest(method) ? _options.SignificanceLevel : _options.DistanceThreshold,
        };
    }

    private static (double Statistic, double PValue, double Psi, double Wasserstein, double JensenShannon, double Unseen,
        string? Note) CompareNumeric(
        ColumnReference reference, NumericColumn window, DriftMethod method)
    {
        var sample = reference.Sample!;
        var values = window.PresentMemory().Span;
        var psi = reference.NumericPsi(values);
        var wasserstein = Wasserstein.NormalizedDistance(sample, values);
        switch (method)
        {
            case DriftMethod.KolmogorovSmirnov:
                var ks = KolmogorovSmirnov.TwoSample(sample, values);
                return (ks.Statistic, ks.PValue, psi, wasserstein, double.NaN, double.NaN, null);
            case DriftMethod.NormalizedWasserstein:
                return (wasserstein, double.NaN, psi, wasserstein, double.NaN, double.NaN, null);
            case DriftMethod.CramerVonMises or DriftMethod.AndersonDarling or DriftMethod.EnergyDistance or DriftMethod.EppsSingleton:
                var (statistic, p) = ShapeTest(sample, values, method);
                return (statistic, p, psi, wasserstein, double.NaN, double.NaN, null);
            case DriftMethod.TwoProportionZTest:
                var positive = sample.Maximum;
                long referenceHits = sample.Count - sample.CountAtOrBelow(Math.BitDecrement(positive));
                long currentHits = 0;
                foreach (var value in values)
                {
                    if (value == positive)
                    {
                        currentHits++;
                    }
                }

                var z = ProportionZTest.TwoSample(currentHits, values.Length, referenceHits, sample.Count);
                return (z.Z, z.PValue, psi, wasserstein, double.NaN, double.NaN, null);
            default:
                var (referenceCounts, currentCounts) = ValueCounts(sample.Values, values);
                var js = Divergence.JensenShannonDistance(ToDouble(referenceCounts), ToDouble(currentCounts));
                var unseen = UnseenShare(referenceCounts, currentCounts);
                if (method == DriftMethod.JensenShannon)
                {
                    return (js, double.NaN, psi, wasserstein, js, unseen, null);
                }

                var (table, note) = CategoryPooling.Pool(referenceCounts, currentCounts);
                var chi = ChiSquared.Contingency(table);
                return (chi.Statistic, chi.PValue, psi, wasserstein, double.NaN, unseen, note);
        }
    }

    /// <summary>The distribution-shape methods (issue 26): a test's statistic and p-value, or the energy distance of the
    /// values scaled by 1/σ_ref (E/√σ_ref, σ_ref floored at 0.001 as for Wasserstein) with no p-value.</summary>
    private static (double Statistic, double PValue) ShapeTest(SortedSample reference, ReadOnlySpan<double> values, DriftMethod method)
    {
        switch (method)
        {
            case DriftMethod.CramerVonMises:
                var cvm = CramerVonMises.TwoSample(reference.Values, values);
                return (cvm.Statistic, cvm.PValue);
            case DriftMethod.AndersonDarling:
                var ad = AndersonDarling.KSample([reference.Values.ToArray(), values.ToArray()]);
                return (ad.Statistic, ad.PValue);
            case DriftMethod.EppsSingleton:
                var es = EppsSingleton.TwoSample(reference.Values, values);
                return (es.Statistic, es.PValue);
            default:
                return (EnergyDistance.Compute(reference, values) / Math.Sqrt(Math.Max(reference.PopulationStandardDeviation, 0.001)), double.NaN);
        }
    }

    private static (double Statistic, double PValue, double Psi, double Wasserstein, double JensenShannon, double Unseen,
        string? Note) CompareCategorical(
        ColumnReference reference, CategoricalColumn window, DriftMethod method)
    {
        var currentProfile = ColumnProfile.CreateCategorical(new ColumnProfileOptions { CategoryCap = MonitoringDefaults.CategoryCap });
        ColumnReference.AddCategories(currentProfile, window);
        return CompareCategorical(reference, currentProfile, method);
    }

    /// <summary>The categorical comparison on exact category counts: shared by raw columns and window profiles, so both give the same bits.</summary>
    private static (double Statistic, double PValue, double Psi, double Wasserstein, double JensenShannon, double Unseen,
        string? Note) CompareCategorical(
        ColumnReference reference, ColumnProfile currentProfile, DriftMethod method)
    {
        var psi = ProfileComparison.PopulationStabilityIndex(reference.Profile, currentProfile).Value;
        var counts = ProfileComparison.Counts(reference.Profile, currentProfile);
        var referenceCounts = counts.Reference.ToArray();
        var currentCounts = counts.Current.ToArray();
        var js = Divergence.JensenShannonDistance(ToDouble(referenceCounts), ToDouble(currentCounts));
        var unseen = UnseenShare(referenceCounts, currentCounts);
        switch (method)
        {
            case DriftMethod.JensenShannon:
                return (js, double.NaN, psi, double.NaN, js, unseen, null);
            case DriftMethod.TwoProportionZTest:
                // The first reference category in ordinal order is the "success".
                var categories = counts.Categories!;
                var positive = -1;
                for (var k = 0; k < categories.Count; k++)
                {
                    if (referenceCounts[k] > 0 && (positive < 0 || string.CompareOrdinal(categories[k], categories[positive]) < 0))
                    {
                        positive = k;
                    }
                }

                var z = ProportionZTest.TwoSample(currentCounts[positive], currentProfile.Count, referenceCounts[positive], reference.Profile.Count);
                return (z.Z, z.PValue, psi, double.NaN, js, unseen, null);
            default:
                var (table, note) = CategoryPooling.Pool(referenceCounts, currentCounts);
                var chi = ChiSquared.Contingency(table);
                return (chi.Statistic, chi.PValue, psi, double.NaN, js, unseen, note);
        }
    }

    private DataDriftReport Summarise(DriftReference reference, int currentRowCount, IEnumerable<TabularColumn> currentColumns,
        ColumnDriftResult[] compared)
    {
        var extra = new List<ColumnDriftResult>();
        foreach (var column in currentColumns)
        {
            if (reference.Find(column.Name) is null)
            {
                extra.Add(NotInReference(column.Name, column.Kind, column.Length - column.MissingCount, column.MissingRate));
            }
        }

        return Summarise(reference.RowCount, currentRowCount, extra, compared);
    }

    /// <summary>The result for a current column the reference lacks (listed, never counted).</summary>
    internal static ColumnDriftResult NotInReference(string name, ColumnKind kind, long presentCount, double missingRate) => new()
    {
        Column = name,
        Kind = kind,
        Status = ColumnDriftStatus.NotInReference,
        Reason = "the reference has no such column",
        CurrentCount = presentCount,
        CurrentMissingRate = missingRate,
    };

    /// <summary>Corrects the p-values of one comparison together, judges each column and the dataset: shared by every path.</summary>
    internal DataDriftReport Summarise(int referenceRowCount, int currentRowCount, IReadOnlyList<ColumnDriftResult> notInReference,
        ColumnDriftResult[] compared)
    {
        // Correct every test p-value of this comparison together: distributions and missing rates.
        var pValues = new List<double>();
        var owners = new List<(int Index, bool Missing)>();
        for (var i = 0; i < compared.Length; i++)
        {
            var c = compared[i];
            if (c.Status != ColumnDriftStatus.Compared)
            {
                continue;
            }

            if (!double.IsNaN(c.PValue))
            {
                pValues.Add(c.PValue);
                owners.Add((i, false));
            }

            if (!double.IsNaN(c.MissingRatePValue))
            {
                pValues.Add(c.MissingRatePValue);
                owners.Add((i, true));
            }
        }

        var adjusted = Adjust(pValues);
        for (var j = 0; j < owners.Count; j++)
        {
            var (index, missing) = owners[j];
            compared[index] = missing
                ? compared[index] with { AdjustedMissingRatePValue = adjusted[j] }
                : compared[index] with { AdjustedPValue = adjusted[j] };
        }

        var columns = new List<ColumnDriftResult>(compared.Length);
        int counted = 0, drifted = 0;
        double maxPsi = 0;
        var severity = Severity.Low;
        foreach (var c0 in compared)
        {
            var c = c0;
            if (c.Status == ColumnDriftStatus.Compared)
            {
                // A column whose current values are all new has drifted, whatever the test's power on the counts.
                var distribution = (IsTest(c.Method) ? c.AdjustedPValue < _options.SignificanceLevel : c.Statistic > _options.DistanceThreshold)
                    || c.UnseenShare == 1;
                var missing = c.AdjustedMissingRatePValue < _options.SignificanceLevel
                    && Math.Abs(c.CurrentMissingRate - c.ReferenceMissingRate) >= _options.MinimumMissingRateChange;
                var isDrifted = distribution || missing;
                c = c with
                {
                    DistributionDrifted = distribution,
                    MissingRateDrifted = missing,
                    IsDrifted = isDrifted,
                    Severity = isDrifted ? _policy.Classify(c.Psi, 0) : Severity.Low,
                };
                maxPsi = Math.Max(maxPsi, c.Psi);
                _telemetry.RecordColumnPsi(c.Column, c.Psi);
            }

            if (c.Status != ColumnDriftStatus.NoReferenceValues)
            {
                counted++;
                drifted += c.IsDrifted ? 1 : 0;
            }

            severity = c.Severity > severity ? c.Severity : severity;
            columns.Add(c);
        }

        columns.AddRange(notInReference);

        var share = counted == 0 ? 0 : (double)drifted / counted;
        _telemetry.RecordDriftedColumnShare(share);
        return new DataDriftReport
        {
            GeneratedAt = _timeProvider.GetUtcNow(),
            ReferenceRowCount = referenceRowCount,
            CurrentRowCount = currentRowCount,
            Correction = _options.Correction,
            SignificanceLevel = _options.SignificanceLevel,
            DriftShareThreshold = _options.DriftShareThreshold,
            ColumnCount = counted,
            DriftedColumnCount = drifted,
            DriftedShare = share,
            DatasetDrift = counted > 0 && share >= _options.DriftShareThreshold,
            MaxPsi = maxPsi,
            Severity = severity,
            Columns = columns,
        };
    }

    private double[] Adjust(List<double> pValues)
    {
        if (pValues.Count == 0)
        {
            return [];
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pValues);
        return MultipleTesting.Adjust(span, _options.Correction);
    }

    private static bool IsTest(DriftMethod method) =>
        method is DriftMethod.KolmogorovSmirnov or DriftMethod.ChiSquared or DriftMethod.TwoProportionZTest
        or DriftMethod.CramerVonMises or DriftMethod.AndersonDarling or DriftMethod.EppsSingleton;

    private static (long[] Reference, long[] Current) ValueCounts(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> current)
    {
        var index = new SortedDictionary<double, int>();
        foreach (var v in sortedReference)
        {
            index.TryAdd(v, 0);
        }

        foreach (var v in current)
        {
            index.TryAdd(v, 0);
        }

        var labels = index.Keys.ToArray();
        var position = new Dictionary<double, int>(labels.Length);
        for (var k = 0; k < labels.Length; k++)
        {
            position[labels[k]] = k;
        }

        var referenceCounts = new long[labels.Length];
        var currentCounts = new long[labels.Length];
        foreach (var v in sortedReference)
        {
            referenceCounts[position[v]]++;
        }

        foreach (var v in current)
        {
            currentCounts[position[v]]++;
        }

        return (referenceCounts, currentCounts);
    }

    private static double UnseenShare(long[] reference, long[] current)
    {
        long unseen = 0, total = 0;
        for (var k = 0; k < current.Length; k++)
        {
            total += current[k];
            unseen += reference[k] == 0 ? current[k] : 0;
        }

        return total == 0 ? double.NaN : (double)unseen / total;
    }

    private static double[] ToDouble(long[] counts)
    {
        var result = new double[counts.Length];
        for (var k = 0; k < counts.Length; k++)
        {
            result[k] = counts[k];
        }

        return result;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
