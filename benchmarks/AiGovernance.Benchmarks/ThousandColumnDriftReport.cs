using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;

namespace AiGovernance.Benchmarks;

/// <summary>A realistic drift report of 1,000 columns, shaped like the aigov tool's (the DriftJob's) report: three monthly
/// windows each validated and compared by <see cref="DataDriftDetector"/>, the distributions of the latest window's drifted
/// columns, a 12-week performance trend, the multivariate section (20 reference chunks, one row per window), 12 weeks of
/// label-free estimation and the drift responses. 800 numeric and 200 categorical columns (every tenth categorical one with
/// 60 categories, folded into "(other)" on its chart); a quarter of the columns drift in the latest window.</summary>
/// <remarks>Shared by <c>DriftJobReportBenchmarks</c> and the Reporting tests' size check (compiled into both).</remarks>
internal static class ThousandColumnDriftReport
{
    public const int Columns = 1_000;
    private const int Rows = 2_000;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The document, charting up to <paramref name="chartedColumns"/> drifted columns.</summary>
    public static DriftReportDocument Build(int chartedColumns)
    {
        var reference = Table(0);
        var detector = new DataDriftDetector();
        var fitted = detector.Fit(reference);
        var schema = DataSchema.Infer(reference, fitted: fitted);
        string[] names = ["2026-07", "2026-08", "2026-09"];
        var windows = new List<DriftWindow>();
        TabularData latest = null!;
        DataDriftReport latestReport = null!;
        for (var w = 0; w < names.Length; w++)
        {
            latest = Table(w);
            latestReport = detector.Compare(fitted, latest);
            windows.Add(DriftWindow.From(names[w], latestReport, schema.Validate(latest), new DateTimeOffset(2026, 7 + w, 28, 0, 0, 0, TimeSpan.Zero)));
        }

        var options = new ReportingOptions { MaxChartedColumns = chartedColumns };
        return new DriftReportDocument
        {
            SystemName = "credit-scoring",
            GeneratedAt = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero),
            Source = "reference train.parquet (2,000 rows), current window files (2,000 rows each)",
            DriftShareThreshold = 0.1,
            ExitCode = 1,
            Windows = windows,
            Distributions = DriftReportDocument.DistributionsOf(latestReport, reference, latest, options),
            Trend = Trend(),
            Multivariate = Multivariate(names),
            Estimation = Estimation(),
            Responses = [.. names.Select(n => new DriftResponseEntry
            {
                Trigger = "window " + n,
                Kind = DriftEventKind.DataDrift,
                Severity = Severity.Critical,
                Disposition = DriftDisposition.Dispatched,
                AuditSequence = 1,
                Handlers = [new DriftHandlerEntry("OnCallNotifier", true, null)],
                Actions = ["[notify] would page the on-call engineer"],
            })],
            Audit = new DriftAuditSummary(true, 9),
        };
    }

    /// <summary>Rendering options that chart up to <paramref name="chartedColumns"/> drifted columns.</summary>
    public static ReportingOptions Options(int chartedColumns) => new() { MaxChartedColumns = chartedColumns };

    private static TabularData Table(int window)
    {
        var builder = TabularData.CreateBuilder();
        for (var c = 0; c < Columns; c++)
        {
            // A quarter of the columns drift, more of them in later windows; window 0 matches the reference's shape.
            var drifts = window > 0 && c % 4 == 0 && (window == 2 || c % 8 == 0);
            if (c % 5 == 4)
            {
                var categories = c % 50 == 49 ? 60 : 8;
                var values = new string?[Rows];
                for (var i = 0; i < Rows; i++)
                {
                    var k = (int)(((i * 7_919L) + (c * 31L) + (window * 13L)) % Rows) % categories;
                    values[i] = (drifts && i % 3 == 0 ? "new_" : "cat_") + k.ToString(Inv);
                }

                builder.AddCategorical($"segment_{c:0000}", values);
            }
            else
            {
                var values = new double[Rows];
                for (var i = 0; i < Rows; i++)
                {
                    values[i] = ((((i * 104_729L) + c + (window * 17L)) % Rows) / (double)Rows * 100) + (drifts ? 40 : 0);
                }

                builder.AddNumeric($"feature_{c:0000}", values);
            }
        }

        return builder.Build();
    }

    private static DriftPerformanceTrend Trend()
    {
        var values = Enumerable.Range(0, 12).Select(i => 0.91 - (0.005 * i) + (0.002 * Math.Sin(i))).ToArray();
        var detector = new ConceptDriftDetector();
        var trend = detector.DetectTrend(values, 0.85);
        var degradation = detector.DetectDegradation(values.AsSpan(0, 11), values[^1]);
        return DriftPerformanceTrend.From("accuracy", "week", [.. Enumerable.Range(27, 12).Select(w => "2026-W" + w.ToString(Inv))], values, 0.85,
            trend, degradation);
    }

    public static DriftMultivariate Multivariate(string[] names) => new()
    {
        ChunkSize = 500,
        ReferenceChunkErrors = [.. Enumerable.Range(0, 20).Select(k => 3.76 + (0.05 * Math.Sin(k)))],
        Windows = [.. names.Select((n, w) => new DriftMultivariateWindow
        {
            Name = n,
            Rows = Rows,
            IsDrifted = w > 0,
            Severity = w > 0 ? Severity.High : Severity.Low,
            DriftedMethodCount = w > 0 ? 3 : 0,
            ReconstructionError = 3.74 + (0.07 * w),
            ReconstructionLower = 3.71,
            ReconstructionUpper = 3.82,
            ReferenceMeanError = 3.77,
            ReferenceChunkStandardDeviation = 0.053,
            ReconstructionDrifted = w == 2,
            ClassifierAuc = 0.5 + (0.2 * w),
            ClassifierLower = 0.47 + (0.2 * w),
            ClassifierUpper = 0.53 + (0.2 * w),
            ClassifierDrifted = w > 0,
            LeaningOn = [new ColumnImportance("feature_0000", 0.33), new ColumnImportance("segment_0004", 0.26)],
            MmdStatistic = 0.001 + (0.003 * w),
            MmdPValue = w > 0 ? 0.005 : 0.3,
            MmdDrifted = w > 0,
        })],
    };

    public static DriftEstimation Estimation() => new()
    {
        Calibrator = "isotonic regression (12 steps)",
        ReferencePredictions = 10_000,
        CalibrationError = 0.012,
        CalibrationBinning = "10 equal-width bins on [0, 1]",
        CalibrationLimit = 0.05,
        LabelDelayWeeks = 4,
        Threshold = 0.85,
        FlagTrendPeriods = 5,
        Weeks = [.. Enumerable.Range(0, 12).Select(i => new DriftEstimationWeek
        {
            Week = "2026-W" + (27 + i).ToString(Inv),
            End = new DateTimeOffset(2026, 7, 5, 0, 0, 0, TimeSpan.Zero).AddDays(7 * i),
            Predictions = 2_500,
            EstimatedAccuracy = 0.91 - (0.005 * i),
            Lower = 0.90 - (0.005 * i),
            Upper = 0.92 - (0.005 * i),
            RealisedAccuracy = 0.912 - (0.005 * i),
            InsideBand = true,
            LabelsArrive = "2026-W" + (31 + i).ToString(Inv),
        })],
        Trend = new DriftEstimationTrend
        {
            Periods = 12, Slope = -0.005, PValue = 1e-6, PeriodsUntilThreshold = 2.1, Recommendation = TrendRecommendation.RetrainSoon, IsEstimated = true,
        },
        EstimatedFlag = "2026-W31",
        LabelledFlag = "2026-W35",
        WeeksEarlier = 4,
    };
}
