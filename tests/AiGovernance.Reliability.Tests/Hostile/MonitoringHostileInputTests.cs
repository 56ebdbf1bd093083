using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Fairness;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Monitoring.VendorSla;
using AiGovernance.Statistics;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>Every public entry point of AiGovernance.Monitoring under hostile tables, spans, timestamps and option values.</summary>
/// <remarks>Besides the general rules of <see cref="HostileCall"/>, an <see cref="ArgumentException"/> must name one of
/// the entry point's own parameters (listed per call), so an exception leaking from an inner call is caught.</remarks>
public class MonitoringHostileInputTests
{
    private const int MaxRows = 200;

    private static readonly string?[] Labels = ["a", "b", "c", "", " ", null, "\uD800", "a\u0301", "\u00E1", "🙂", new string('x', 300)];

    private static readonly string?[] WellFormedLabels = ["a", "b", "c", "", " ", null, "a\u0301", "\u00E1", "🙂", new string('x', 300)];

    private static readonly string[] Names = ["n0", "n1", "c0", "", " ", "n0", "\0", "\uD800"];

    /// <summary>One generated column: numeric values, categorical labels, or categorical codes against a category list.</summary>
    internal sealed record ColumnSpec(string Name, int Kind, double[] Numbers, string?[] Values, int[] Codes, string[] Categories)
    {
        public override string ToString() => Kind switch
        {
            0 => $"numeric '{Name}' {HostileProperty.Describe(Numbers)}",
            1 => $"labels '{Name}' {HostileProperty.Describe(Values)}",
            _ => $"codes '{Name}' [{string.Join(", ", Codes.Take(20))}] over {HostileProperty.Describe(Categories)}",
        };
    }

    private static Gen<ColumnSpec> Columns(int rows, int index = 0) =>
        from name in Mostly(index switch { 0 => "n0", 1 => "n1", 2 => "c0", _ => "c" + index }, Gen.Elements(Names))
        from kind in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from shape in Mostly(SampleShape.Ordinary, Gen.Elements(Enum.GetValues<SampleShape>()))
        from seed in Gen.Choose(0, int.MaxValue)
        from extra in Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Choose(-2, 2)))
        from hostileLabels in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from labels in Gen.ArrayOf(Gen.Elements(hostileLabels ? Labels : WellFormedLabels), Math.Max(0, rows + extra))
        from badCodes in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from codes in Gen.ArrayOf(badCodes ? Gen.Elements(-2, -1, 0, 4, int.MaxValue, int.MinValue) : Gen.Choose(-1, 3), Math.Max(0, rows + extra))
        from categories in Mostly<string[]>(["a", "b", "c", "d"], Gen.Elements<string[]>(["a", "a", "b", "c"], ["x"], [], ["a", "b", "", "d"]))
        select new ColumnSpec(name, kind, NumericColumnValues(shape, seed, Math.Max(0, rows + extra)), labels, codes, categories);

    private static double[] NumericColumnValues(SampleShape shape, int seed, int length)
    {
        // Build(Empty/Single) ignores the length; columns must keep the row count, so those shapes map to duplicates.
        var values = Build(shape is SampleShape.Empty or SampleShape.Single ? SampleShape.AllDuplicates : shape, seed, length);
        if (values.Length > 0 && seed % 5 == 0)
        {
            values[seed % values.Length] = double.NaN; // a missing value
        }

        return values;
    }

    private static Gen<ColumnSpec[]> Tables() =>
        from rows in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(1)), (6, Gen.Choose(2, MaxRows)))
        from count in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 4)))
        from columns in Gen.CollectToArray(Enumerable.Range(0, count).Select(i => Columns(rows, i)))
        select columns;

    /// <summary>Builds the table; returns null when the builder (correctly) rejected the specification.</summary>
    private static TabularData BuildTable(ColumnSpec[] spec)
    {
        var builder = new TabularDataBuilder();
        foreach (var c in spec)
        {
            _ = c.Kind switch
            {
                0 => builder.AddNumeric(c.Name, c.Numbers),
                1 => builder.AddCategorical(c.Name, c.Values),
                _ => builder.AddCategorical(c.Name, c.Codes, c.Categories),
            };
        }

        return builder.Build();
    }

    private static TabularData? TryBuild(ColumnSpec[] spec)
    {
        try
        {
            return BuildTable(spec);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Gen<(ColumnSpec[] Reference, ColumnSpec[] Current)> TablePairs() =>
        from reference in Tables()
        from current in Gen.Frequency(
            (2, Gen.Constant(reference)),
            (3, Tables()),
            (3, Gen.Choose(1, MaxRows).SelectMany(rows => Gen.CollectToArray(reference.Select((c, i) => Columns(rows, i).Select(g => g with { Name = c.Name, Kind = c.Kind }))))))
        select (reference, current);

    private static bool ProbabilityOrNaN(double p) => double.IsNaN(p) || IsProbability(p);


    [Fact]
    public void TabularDataBuilder_OnHostileColumns_BuildsOrRejects() =>
        HostileProperty.Run(Tables(), HostileProperty.Cases(400), spec =>
            HostileCall.Check("TabularDataBuilder (Add*, Build)", () => BuildTable(spec),
                table => table.Columns.Count == spec.Length && table.Columns.All(c => c.Length == table.RowCount)
                         && table.Columns.All(c => c.MissingCount >= 0 && c.MissingCount <= c.Length),
                alsoDocumented: typeof(InvalidOperationException),
                parameters: ["name", "values", "codes", "categories", "column"]));

    [Fact]
    public void DataSchema_InferAndValidate_OnHostileTablesAndOptions_AcceptsItsOwnReferenceOrRejects() =>
        HostileProperty.Run(
            from tables in TablePairs()
            from margin in Mostly(0.1, Scalars())
            from slack in Mostly(0.05, Scalars())
            from unseen in Mostly(0.0, Scalars())
            from allowUnexpected in Gen.Elements(true, false)
            from maxPsi in Gen.OneOf(Gen.Constant<double?>(null), Scalars().Select(v => (double?)v))
            from minP in Gen.OneOf(Gen.Constant<double?>(null), Scalars().Select(v => (double?)v))
            select (tables, options: new SchemaInferenceOptions
            {
                RangeMargin = margin, MissingRateSlack = slack, MaxUnseenCategoryRate = unseen, AllowUnexpectedColumns = allowUnexpected,
                MaxPsi = maxPsi, MinKolmogorovSmirnovPValue = minP,
            }),
            HostileProperty.Cases(800), // about a third of the generated table pairs build; the rest exercise the builder
            input =>
            {
                var reference = TryBuild(input.tables.Reference);
                var current = TryBuild(input.tables.Current);
                if (reference is null)
                {
                    return null;
                }

                var o = input.options;
                var optionsValid = o.RangeMargin >= 0 && double.IsFinite(o.RangeMargin) && o.MissingRateSlack is >= 0 and <= 1
                                   && o.MaxUnseenCategoryRate is >= 0 and <= 1 && (o.MaxPsi is null || (o.MaxPsi >= 0 && double.IsFinite(o.MaxPsi.Value)))
                                   && (o.MinKolmogorovSmirnovPValue is null || o.MinKolmogorovSmirnovPValue is >= 0 and <= 1);
                return HostileCall.Check("DataSchema.Infer/Validate/EnsureValid", () =>
                    {
                        var schema = DataSchema.Infer(reference, o);
                        var own = schema.Validate(reference);
                        var other = current is null ? null : schema.Validate(current);
                        var roundTrip = DataSchema.FromJson(schema.ToJson());
                        var ensured = own.IsValid ? schema.EnsureValid(reference) : own;
                        return (schema, own, other, roundTrip, ensured);
                    },
                    r => r.own.IsValid && r.own.RowCount == reference.RowCount && r.roundTrip.Columns.Count == r.schema.Columns.Count
                         && (r.other is null || (r.other.RowCount == current!.RowCount && r.other.Violations.All(v => !string.IsNullOrEmpty(v.Message))))
                         && r.schema.Columns.All(c => c.Minimum is null || c.Maximum is null || c.Minimum <= c.Maximum),
                    inputIsValid: optionsValid && reference.RowCount > 0,
                    parameters: ["reference", "options", "data", "json"]);
            });

    [Fact]
    public void DataDriftDetector_FitAndCompare_OnHostileTablesAndOptions_ReportsInRangeOrRejects() =>
        HostileProperty.Run(
            from tables in TablePairs()
            from small in Mostly(1000, Gen.Elements(-1, 0, 1, 30, int.MaxValue))
            from minimumDistinct in Mostly(20, Gen.Elements(-1, 2, 3, int.MaxValue))
            from significance in Mostly(0.05, Scalars())
            from distance in Mostly(0.1, Scalars())
            from correction in Mostly(MultipleTestingMethod.BenjaminiHochberg, Gen.Choose(-1, 3).Select(i => (MultipleTestingMethod)i))
            from share in Mostly(0.5, Scalars())
            from bins in Mostly(10, Gen.Elements(-1, 0, 1, 2, 1000, 1001, int.MaxValue))
            from missing in Mostly(0.05, Scalars())
            from parallelism in Mostly(2, Gen.Elements(0, 1, 1024, 1025))
            from overrideMethod in Gen.Frequency((4, Gen.Constant<DriftMethod?>(null)), (1, Gen.Choose(-1, 8).Select(i => (DriftMethod?)(DriftMethod)i)))
            select (tables, options: Options(small, minimumDistinct, significance, distance, correction, share, bins, missing, parallelism, overrideMethod)),
            HostileProperty.Cases(800), // about a third of the generated table pairs build; the rest exercise the builder
            input =>
            {
                var reference = TryBuild(input.tables.Reference);
                var current = TryBuild(input.tables.Current);
                if (reference is null || current is null)
                {
                    return null;
                }

                return HostileCall.Check("DriftReference.Fit + DataDriftDetector.Compare", () =>
                    {
                        var detector = new DataDriftDetector(input.options, timeProvider: new FakeTimeProvider());
                        var fitted = detector.Fit(reference);
                        var report = detector.Compare(fitted, current);
                        var refit = DriftReference.FromJson(fitted.ToJson());
                        return (report, again: detector.Compare(refit, current), json: report.ToJson(), markdown: report.ToMarkdown());
                    },
                    r => r.report.ColumnCount <= r.report.Columns.Count && (r.report.ColumnCount == 0 || r.report.DriftedShare is >= 0 and <= 1)
                         && r.report.DriftedColumnCount <= r.report.ColumnCount && !double.IsNaN(r.report.MaxPsi) && r.report.MaxPsi >= 0
                         && r.report.Columns.All(c => ProbabilityOrNaN(c.PValue) && ProbabilityOrNaN(c.AdjustedPValue) && ProbabilityOrNaN(c.MissingRatePValue)
                                                      && (double.IsNaN(c.Psi) || c.Psi >= 0) && (double.IsNaN(c.NormalizedWasserstein) || c.NormalizedWasserstein >= 0)
                                                      && (double.IsNaN(c.JensenShannon) || c.JensenShannon is >= 0 and <= 1 + 1e-12)
                                                      && c.ReferenceMissingRate is >= 0 and <= 1 && c.CurrentMissingRate is >= 0 and <= 1)
                         && r.again.DriftedColumnCount == r.report.DriftedColumnCount && r.json.Length > 0 && r.markdown.Length > 0,
                    alsoDocumented: input.options.ColumnMethods.Count > 0 ? typeof(InvalidOperationException) : null,
                    parameters: ["options", "reference", "current", "bins", "json"]);
            });

    private static DataDriftOptions Options(int small, int minimumDistinct, double significance, double distance, MultipleTestingMethod correction, double share,
        int bins, double missing, int parallelism, DriftMethod? overrideMethod)
    {
        var options = new DataDriftOptions
        {
            SmallReferenceRows = small, MinimumDistinctForKolmogorovSmirnov = minimumDistinct, SignificanceLevel = significance,
            DistanceThreshold = distance, Correction = correction, DriftShareThreshold = share, Bins = bins, MinimumMissingRateChange = missing,
            MaxDegreeOfParallelism = parallelism,
        };
        if (overrideMethod is { } method)
        {
            options.ColumnMethods["n0"] = method;
        }

        return options;
    }

    [Fact]
    public void PredictionDriftDetector_OnHostileClassesAndScores_ReportsInRangeOrRejects() =>
        HostileProperty.Run(
            from reference in Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Gen.Frequency((9, Gen.Choose(0, 4)), (1, Gen.Elements(-1, int.MaxValue, int.MinValue))), n))
            from current in Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Gen.Frequency((9, Gen.Choose(0, 5)), (1, Gen.Elements(-1, int.MaxValue))), n))
            from scoresReference in Samples(300)
            from scoresCurrent in Samples(300)
            from threshold in Mostly(0.1, Scalars())
            from significance in Mostly(0.05, Scalars())
            from minimumPsi in Mostly(0.1, Scalars())
            from bins in Mostly(10, Gen.Elements(-1, 0, 1, 2, 1000, 1001))
            select (reference, current, scoresReference, scoresCurrent, options: new PredictionDriftOptions
            {
                ClassDistributionThreshold = threshold, SignificanceLevel = significance, MinimumScorePsi = minimumPsi, Bins = bins,
            }),
            HostileProperty.Cases(400),
            input => HostileCall.Check("PredictionDriftDetector (CompareClasses, CompareScores)", () =>
                {
                    var detector = new PredictionDriftDetector(input.options);
                    var classes = Try(() => detector.CompareClasses(input.reference, input.current));
                    var sorted = input.scoresReference.Length > 0 && AllFinite(input.scoresReference) ? SortedSample.Create(input.scoresReference) : null;
                    ScoreDriftResult? scores = sorted is null ? null : Try(() => detector.CompareScores(sorted, input.scoresCurrent));
                    return (classes, scores);
                },
                r => (r.classes is null || (r.classes.JensenShannonDivergence is >= 0 and <= 1 + 1e-12 && r.classes.Psi >= 0 && double.IsFinite(r.classes.Psi)
                                            && Math.Abs(r.classes.ReferenceDistribution.Sum() - 1) < 1e-9 && Math.Abs(r.classes.CurrentDistribution.Sum() - 1) < 1e-9))
                     && (r.scores is not { } s || (s.Statistic is >= 0 and <= 1 && IsProbability(s.PValue) && s.Psi >= 0)),
                parameters: ["options", "reference", "current"]));

    [Fact]
    public void ConceptDriftDetector_OnHostileHistoriesAndOptions_IsFiniteOrRejects() =>
        HostileProperty.Run(
            from history in Samples(300)
            from current in Scalars()
            from threshold in Scalars()
            from window in Mostly(7, Gen.Elements(-1, 0, 1, 3, 30, 10_000, 10_001))
            from degradation in Mostly(0.05, Scalars())
            from periods in Mostly(7, Gen.Elements(-1, 2, 3, 30, 10_000))
            from significance in Mostly(0.05, Scalars())
            from horizon in Mostly(7, Gen.Elements(-1, 0, 1, 10_000, int.MaxValue))
            select (history, current, threshold, options: new ConceptDriftOptions
            {
                WindowSize = window, DegradationThreshold = degradation, TrendPeriods = periods, TrendSignificanceLevel = significance, ProjectionHorizon = horizon,
            }),
            HostileProperty.Cases(400),
            input =>
            {
                var valid = AllFinite(input.history) && double.IsFinite(input.current);
                return HostileCall.Check("ConceptDriftDetector (DetectDegradation, DetectTrend)", () =>
                    {
                        var detector = new ConceptDriftDetector(input.options);
                        return (detector.DetectDegradation(input.history, input.current), detector.DetectTrend(input.history, input.threshold));
                    },
                    r => (!r.Item1.HasEnoughHistory || !AllWithin(input.history, 1e300) || double.IsFinite(r.Item1.Degradation))
                         && (!r.Item2.HasEnoughData || (ProbabilityOrNaN(r.Item2.PValue) && (!AllWithin(input.history, 1e100) || double.IsFinite(r.Item2.Slope))))
                         && r.Item2.PeriodsUntilThreshold is >= 0 or double.NaN,
                    inputIsValid: false,
                    parameters: ["options", "history", "current", "values", "threshold"]);
            });

    [Fact]
    public void ConceptDriftDetector_DetectTrendOverTime_OnHostileTimestamps_IsFiniteOrRejects()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        HostileProperty.Run(
            from values in Samples(120)
            from stepTicks in Gen.Elements(0L, 1L, TimeSpan.TicksPerSecond, TimeSpan.TicksPerDay, -TimeSpan.TicksPerDay, TimeSpan.TicksPerDay * 365 * 100)
            from jitter in Gen.Elements(true, false)
            from extremes in Gen.Elements(0, 1, 2)
            from period in Gen.Elements(TimeSpan.Zero, TimeSpan.FromTicks(-1), TimeSpan.FromTicks(1), TimeSpan.FromDays(1), TimeSpan.MaxValue)
            from extraTimestamp in Gen.Elements(0, 1)
            from threshold in Scalars()
            select (values, stepTicks, jitter, extremes, period, extraTimestamp, threshold),
            HostileProperty.Cases(400),
            input =>
            {
                var timestamps = new DateTimeOffset[input.values.Length + input.extraTimestamp];
                for (var i = 0; i < timestamps.Length; i++)
                {
                    var ticks = Math.Clamp(start.Ticks + (input.stepTicks * i) + (input.jitter && i % 3 == 0 ? 7 : 0), DateTimeOffset.MinValue.Ticks, DateTimeOffset.MaxValue.Ticks);
                    timestamps[i] = new DateTimeOffset(ticks, TimeSpan.Zero);
                }

                if (timestamps.Length > 1 && input.extremes > 0)
                {
                    timestamps[0] = DateTimeOffset.MinValue;
                    if (input.extremes == 2)
                    {
                        timestamps[^1] = DateTimeOffset.MaxValue;
                    }
                }

                return HostileCall.Check("ConceptDriftDetector.DetectTrend(timestamps)",
                    () => new ConceptDriftDetector(new ConceptDriftOptions { TrendPeriods = 5 }).DetectTrend(timestamps, input.values, input.period, input.threshold),
                    r => !r.HasEnoughData || (ProbabilityOrNaN(r.PValue) && (!AllWithin(input.values, 1e100) || input.period > TimeSpan.FromDays(1e6) || double.IsFinite(r.Slope))),
                    parameters: ["timestamps", "values", "period", "threshold"]);
            });
    }

    [Fact]
    public void FairnessMonitor_OnHostileGroupsAndLimits_ReportsInRangeOrRejects()
    {
        string[] groups = ["a", "b", "", "c\u0301", "\uD800", " "];
        string[] attributes = ["sex", "", " ", "\0", "\uD800"];
        HostileProperty.Run(
            from n in Gen.Choose(0, 200)
            from actual in Gen.ArrayOf(Gen.Elements(true, false), n)
            from predicted in Gen.Frequency((5, Gen.ArrayOf(Gen.Elements(true, false), n)), (1, Gen.ArrayOf(Gen.Elements(true, false), n + 1)))
            from g in Gen.ArrayOf(Gen.Elements(groups), n)
            from attribute in Mostly("sex", Gen.Elements(attributes))
            from parity in Mostly(0.1, Scalars())
            from odds in Mostly(0.1, Scalars())
            from impact in Mostly(0.8, Scalars())
            from minimum in Mostly(5, Gen.Elements(-1, 0, 1, 30, int.MaxValue))
            from resamples in Mostly(0, Gen.Elements(-1, 10))
            select (actual, predicted, g, attribute, limits: new FairnessLimits { MaxDemographicParityDifference = parity, MaxEqualizedOddsDifference = odds, MinDisparateImpactRatio = impact },
                metricOptions: new FairnessOptions { MinimumGroupSize = minimum, BootstrapResamples = resamples }),
            HostileProperty.Cases(300),
            input => HostileCall.Check("FairnessMonitor.Evaluate", () =>
                {
                    var report = new FairnessMonitor(input.limits, input.metricOptions, new FakeTimeProvider()).Evaluate(input.attribute, input.actual, input.predicted, input.g);
                    return (report, json: report.ToJson(), markdown: report.ToMarkdown());
                },
                r => r.report.RowCount == input.actual.Length && r.report.SelectionRates.Values.All(IsProbability)
                     && (double.IsNaN(r.report.DemographicParityDifference) || r.report.DemographicParityDifference is >= 0 and <= 1)
                     && (double.IsNaN(r.report.DisparateImpactRatio) || r.report.DisparateImpactRatio >= 0)
                     && ProbabilityOrNaN(r.report.SelectionIndependencePValue) && r.json.Length > 0,
                parameters: ["limits", "metricOptions", "attribute", "actual", "predicted", "groups", "timeProvider"]));
    }

    [Fact]
    public void VendorPerformanceMonitor_OnHostileBaselinesOptionsAndRecords_ReportsInRangeOrRejects()
    {
        TimeSpan[] spans = [TimeSpan.Zero, TimeSpan.FromTicks(-1), TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(200), TimeSpan.FromDays(7), TimeSpan.MaxValue, TimeSpan.MinValue];
        HostileProperty.Run(
            from accuracy in Mostly(0.9, Scalars())
            from precision in Mostly(0.8, Scalars())
            from recall in Mostly(0.8, Scalars())
            from p95 in Mostly(TimeSpan.FromMilliseconds(800), Gen.Elements(spans))
            from p99 in Mostly(TimeSpan.FromMilliseconds(2000), Gen.Elements(spans))
            from window in Mostly(TimeSpan.FromDays(7), Gen.Elements(spans))
            from minimumLabelled in Mostly(10, Gen.Elements(-1, 0, 1, 30, int.MaxValue))
            from tolerance in Mostly(0.02, Scalars())
            from factor in Mostly(1.2, Scalars().Select(v => v * 10))
            from significance in Mostly(0.05, Scalars())
            from records in Gen.ArrayOf(
                from predicted in Gen.Elements(true, false)
                from actual in Gen.Elements<bool?>(true, false, null)
                from latency in Gen.Frequency((6, Gen.Choose(0, 5000).Select(ms => (TimeSpan?)TimeSpan.FromMilliseconds(ms))), (2, Gen.Constant<TimeSpan?>(null)), (1, Gen.Elements(spans).Select(s => (TimeSpan?)s)))
                from offsetMinutes in Gen.Frequency((8, Gen.Choose(-20_000, 10)), (1, Gen.Elements(int.MinValue, int.MaxValue)))
                from stamped in Gen.Elements(true, false)
                select (predicted, actual, latency, offsetMinutes, stamped), 60)
            select (baseline: new VendorSlaBaseline { Accuracy = accuracy, Precision = precision, Recall = recall, LatencyP95 = p95, LatencyP99 = p99 },
                options: new VendorSlaOptions { Window = window, MinimumLabelledRecords = minimumLabelled, MetricTolerance = tolerance, LatencyToleranceFactor = factor, SignificanceLevel = significance },
                records),
            HostileProperty.Cases(400),
            input => HostileCall.Check("VendorPerformanceMonitor (LogPrediction, GetReport)", () =>
                {
                    var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
                    var monitor = new VendorPerformanceMonitor("vendor", "component", input.baseline, time, input.options);
                    var logged = 0;
                    foreach (var r in input.records)
                    {
                        var at = DateTimeOffset.MinValue.AddTicks(Math.Clamp(time.GetUtcNow().Ticks + (r.offsetMinutes * TimeSpan.TicksPerMinute), 0, DateTimeOffset.MaxValue.Ticks - DateTimeOffset.MinValue.Ticks));
                        try
                        {
                            monitor.LogPrediction(r.predicted, r.actual, r.latency, r.stamped ? at : null);
                            logged++;
                        }
                        catch (ArgumentOutOfRangeException e) when (e.ParamName == "latency" && r.latency < TimeSpan.Zero)
                        {
                            // Documented: a negative latency is rejected.
                        }
                    }

                    return (report: monitor.GetReport(), logged);
                },
                r => r.report.RecordCount <= r.logged && r.report.LabelledCount <= r.report.RecordCount && r.report.LatencyCount <= r.report.RecordCount
                     && ProbabilityOrNaN(r.report.Accuracy) && ProbabilityOrNaN(r.report.Precision) && ProbabilityOrNaN(r.report.Recall)
                     && (r.report.LatencyCount == 0 || r.report.LatencyP95Milliseconds <= r.report.LatencyP99Milliseconds)
                     && r.report.Violations.All(v => IsProbability(v.PValue)),
                parameters: ["vendor", "component", "baseline", "timeProvider", "options", "latency", "timestamp"]));
    }

    [Fact]
    public void PredictionDriftDetector_CompareScores_BadCurrent_NamesCurrent()
    {
        // Found by the hostile run: the inner KS test's parameter 'y' leaked out of CompareScores.
        var detector = new PredictionDriftDetector();
        var reference = SortedSample.Create([0.1, 0.5, 0.9]);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => detector.CompareScores(reference, [])).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => detector.CompareScores(reference, [0.2, double.NaN])).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentException>(() => detector.CompareScores(reference, [double.PositiveInfinity])).ParamName);
    }

    [Fact]
    public void DataSchema_Infer_InvalidOptions_AreRejectedWhenInferring()
    {
        // Found by the hostile run: Infer accepted a negative missing-rate slack or an unseen rate above 1 and produced a
        // schema that Validate then refused with an InvalidOperationException.
        var data = new TabularDataBuilder().AddNumeric("x", new double[] { 1, 2, 3 }).AddCategorical("c", new string?[] { "a", "b", "a" }).Build();
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => DataSchema.Infer(data, new SchemaInferenceOptions { MissingRateSlack = -1e308 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => DataSchema.Infer(data, new SchemaInferenceOptions { MaxUnseenCategoryRate = 2 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => DataSchema.Infer(data, new SchemaInferenceOptions { RangeMargin = double.NaN })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => DataSchema.Infer(data, new SchemaInferenceOptions { MaxPsi = double.PositiveInfinity })).ParamName);
    }

    [Fact]
    public void DataSchema_Infer_DataNearTheDoubleRange_KeepsAFiniteRangeThatAcceptsTheReference()
    {
        // hi − lo = 2e308 overflows; with a zero margin ∞·0 was NaN. The range is now [−1e308, 1e308] exactly, and a wide
        // margin is capped at ±MaxValue.
        var data = new TabularDataBuilder().AddNumeric("x", new[] { -1e308, 0, 1e308 }).Build();
        var exact = DataSchema.Infer(data, new SchemaInferenceOptions { RangeMargin = 0 });
        Assert.Equal(-1e308, exact.Columns[0].Minimum);
        Assert.Equal(1e308, exact.Columns[0].Maximum);
        Assert.True(exact.Validate(data).IsValid);
        var wide = DataSchema.Infer(data, new SchemaInferenceOptions { RangeMargin = 0.5 });
        Assert.Equal(double.MinValue, wide.Columns[0].Minimum);
        Assert.Equal(double.MaxValue, wide.Columns[0].Maximum);
        Assert.Equal(wide.Columns[0].Maximum, DataSchema.FromJson(wide.ToJson()).Columns[0].Maximum);
    }

    [Fact]
    public void FairnessMonitor_BadInputs_NameTheMonitorsOwnParameters()
    {
        // Found by the hostile run: FairnessMetrics' names (yPred, options) leaked out of Evaluate, and invalid metric
        // options were accepted by the constructor and failed at every evaluation.
        Assert.Equal("metricOptions", Assert.Throws<ArgumentOutOfRangeException>(() => new FairnessMonitor(metricOptions: new FairnessOptions { BootstrapResamples = -1 })).ParamName);
        Assert.Equal("metricOptions", Assert.Throws<ArgumentOutOfRangeException>(() => new FairnessMonitor(metricOptions: new FairnessOptions { MinimumGroupSize = 0 })).ParamName);
        var monitor = new FairnessMonitor(metricOptions: new FairnessOptions { ReferenceGroup = "zzz", BootstrapResamples = 0 }, timeProvider: new FakeTimeProvider());
        bool[] actual = [true, false, true, false];
        bool[] predicted = [true, true, false, false];
        string[] groups = ["a", "a", "b", "b"];
        Assert.Equal("actual", Assert.Throws<ArgumentException>(() => monitor.Evaluate("sex", [], [], [])).ParamName);
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => monitor.Evaluate("sex", actual, [true], groups)).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => monitor.Evaluate("sex", actual, predicted, ["a"])).ParamName);
        Assert.Equal("groups", Assert.Throws<ArgumentException>(() => monitor.Evaluate("sex", actual, predicted, groups)).ParamName);
    }

    [Fact]
    public void VendorPerformanceMonitor_WindowLongerThanTheCalendar_ReportsEveryRecord()
    {
        // A window reaching before DateTimeOffset.MinValue must not make the window arithmetic throw.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var baseline = new VendorSlaBaseline { Accuracy = 0.9, Precision = 0.9, Recall = 0.9, LatencyP95 = TimeSpan.FromSeconds(1), LatencyP99 = TimeSpan.FromSeconds(2) };
        var monitor = new VendorPerformanceMonitor("vendor", "component", baseline, time, new VendorSlaOptions { Window = TimeSpan.MaxValue });
        monitor.LogPrediction(true, true, TimeSpan.FromMilliseconds(5));
        monitor.LogPrediction(false, true, timestamp: DateTimeOffset.MinValue.AddDays(1));
        var report = monitor.GetReport();
        Assert.Equal(2, report.RecordCount);
        Assert.Equal(0.5, report.Accuracy);
    }

    [Fact]
    public void ConceptDriftDetector_DetectTrend_ValuesWhoseLineOverflows_AreRejectedNamingValues()
    {
        // Found by the hostile run: after the D1 fix LinearTrend rejects an unrepresentable line naming its own 'x',
        // which leaked out of DetectTrend. This rising series' fitted current value is ≈ 1.15·MaxValue, beyond the double range.
        double[] values = [-1e308, -1e308, 1e308, 1e308, double.MaxValue, 1e308, double.MaxValue];
        var detector = new ConceptDriftDetector(new ConceptDriftOptions { TrendPeriods = 7 });
        var e = Assert.Throws<ArgumentException>(() => detector.DetectTrend(values, 0.8));
        Assert.Equal("values", e.ParamName);
    }

    [Fact]
    public void TabularData_LoneSurrogates_AreRejectedBecauseJsonCannotKeepThem()
    {
        // Found by the hostile run: a label "\uD800" was written to the reference JSON as U+FFFD, so a reloaded reference
        // saw identical data as drifted (PSI 2.05 instead of 0). Such text is now rejected where it enters.
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new TabularDataBuilder().AddCategorical("c", new string?[] { "a", "\uD800" })).ParamName);
        Assert.Equal("categories", Assert.Throws<ArgumentException>(() => new TabularDataBuilder().AddCategorical("c", new[] { 0 }, ["x\uDC00"])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new TabularDataBuilder().AddNumeric("n\uD800", new double[] { 1 })).ParamName);
        var emoji = new TabularDataBuilder().AddCategorical("c\uD83D\uDE42", new string?[] { "\uD83D\uDE42", "a\u0301" }).Build();
        Assert.Equal(2, ((CategoricalColumn)emoji.Columns[0]).Categories.Count);
    }

    [Fact]
    public void DriftReference_JsonRoundTrip_GivesTheSameReport()
    {
        string?[] labels = ["a", "b", "\u00E1", "a\u0301", "\uD83D\uDE42", null, "xx"];
        var rows = Enumerable.Range(0, 300).Select(i => labels[(i * 7) % labels.Length]).ToArray();
        var values = Enumerable.Range(0, 300).Select(i => i % 11 == 0 ? double.NaN : Math.Sin(i) * 1e300).ToArray();
        var table = new TabularDataBuilder().AddCategorical("c", rows).AddNumeric("n", values).Build();
        var detector = new DataDriftDetector(timeProvider: new FakeTimeProvider());
        var fitted = detector.Fit(table);
        var reloaded = DriftReference.FromJson(fitted.ToJson());
        var direct = detector.Compare(fitted, table);
        Assert.Equal(direct.ToJson(), detector.Compare(reloaded, table).ToJson());
        Assert.Equal(0, direct.MaxPsi);
        Assert.Equal(0, direct.DriftedColumnCount);
    }

    [Fact]
    public void DataSchema_Infer_AllMissingReferenceColumn_GetsNoDistributionRule()
    {
        // Found by the hostile run: a reference column with no present values got a PSI rule, and validating a window that
        // has values there threw InvalidOperationException ("no usable column") instead of returning a report.
        var reference = new TabularDataBuilder().AddCategorical("c", new string?[] { null, null, null }).AddNumeric("x", new[] { double.NaN, double.NaN, double.NaN }).Build();
        var schema = DataSchema.Infer(reference, new SchemaInferenceOptions { MaxPsi = 0.2, MinKolmogorovSmirnovPValue = 0.01, MissingRateSlack = 0 });
        Assert.All(schema.Columns, c => Assert.Null(c.MaxPsi));
        var current = new TabularDataBuilder().AddCategorical("c", new string?[] { "a", "b", "a" }).AddNumeric("x", new double[] { 1, 2, 3 }).Build();
        var report = schema.Validate(current);
        Assert.Equal(3, report.RowCount);
        Assert.Contains(report.Violations, v => v.Column == "c" && v.Rule == SchemaRule.UnseenCategoryRate);
    }

    [Fact]
    public void DriftBins_AboveTheDocumentedRange_AreRejectedBeforeAllocating()
    {
        // Found by the hostile run: Bins = int.MaxValue reached BinEdges.Quantile and threw OutOfMemoryException.
        var table = new TabularDataBuilder().AddNumeric("x", new double[] { 1, 2, 3, 4 }).Build();
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new DataDriftDetector(new DataDriftOptions { Bins = int.MaxValue })).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => DriftReference.Fit(table, 1001)).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => BinEdges.Quantile(SortedSample.Create([1.0, 2, 3]), int.MaxValue)).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => BinEdges.EqualWidth([1.0, 2, 3], 100_001)).ParamName);
        Assert.Equal(1000, DriftReference.Fit(table, 1000).Bins);
    }

    private static T? Try<T>(Func<T> call)
        where T : class
    {
        try
        {
            return call();
        }
        catch (ArgumentException e) when (!string.IsNullOrEmpty(e.ParamName) && e.ParamName is "reference" or "current" or "options")
        {
            return null;
        }
    }

    private static ScoreDriftResult? Try(Func<ScoreDriftResult> call)
    {
        try
        {
            return call();
        }
        catch (ArgumentException e) when (!string.IsNullOrEmpty(e.ParamName) && e.ParamName is "reference" or "current" or "options")
        {
            return null;
        }
    }
}
