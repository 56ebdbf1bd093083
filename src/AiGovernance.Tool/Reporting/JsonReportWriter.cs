using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>Writes <c>drift-report.json</c>: the job's verdict plus, per window, the library's own validation and drift
/// reports (their JSON shape: camelCase, enum names, non-finite numbers as strings).</summary>
internal static class JsonReportWriter
{
    public static string Render(DriftJobResult result, int exitCode)
    {
        var windows = new JsonArray();
        foreach (var w in result.Windows)
        {
            windows.Add(new JsonObject
            {
                ["name"] = w.Window.Name,
                ["end"] = w.Window.End?.ToString("O"),
                ["rows"] = w.Window.Data.RowCount,
                ["datasetDrift"] = w.Drift.DatasetDrift,
                ["driftedColumns"] = new JsonArray([.. w.Drift.Columns.Where(c => c.IsDrifted).Select(c => (JsonNode?)JsonValue.Create(c.Column))]),
                ["validation"] = JsonNode.Parse(w.Validation.ToJson()),
                ["drift"] = JsonNode.Parse(w.Drift.ToJson()),
            });
        }

        var responses = new JsonArray();
        foreach (var r in result.Responses)
        {
            responses.Add(new JsonObject
            {
                ["trigger"] = r.Trigger,
                ["kind"] = r.Result.Event.Kind.ToString(),
                ["severity"] = r.Result.Plan.Severity.ToString(),
                ["disposition"] = r.Result.Disposition.ToString(),
                ["auditSequence"] = r.Result.AuditSequence,
                ["plan"] = new JsonObject
                {
                    ["alert"] = r.Result.Plan.Alert,
                    ["humanReview"] = r.Result.Plan.HumanReview,
                    ["retraining"] = r.Result.Plan.Retraining.ToString(),
                    ["increaseMonitoring"] = r.Result.Plan.IncreaseMonitoring,
                    ["rollback"] = r.Result.Plan.Rollback,
                },
                ["handlers"] = new JsonArray([.. r.Result.Outcomes.Select(o => (JsonNode?)new JsonObject
                {
                    ["handler"] = o.Handler,
                    ["succeeded"] = o.Succeeded,
                    ["error"] = o.Error,
                })]),
                ["actions"] = new JsonArray([.. r.Actions.Select(a => (JsonNode?)JsonValue.Create(a))]),
            });
        }

        var root = new JsonObject
        {
            ["tool"] = "AiGovernance.Samples.DriftJob",
            ["generatedAt"] = result.GeneratedAt.ToString("O"),
            ["source"] = result.Dataset.Source,
            ["systemId"] = result.SystemId,
            ["datasetDrift"] = result.DatasetDrift,
            ["exitCode"] = exitCode,
            ["driftShareThreshold"] = result.DriftShareThreshold,
            ["referenceRows"] = result.Dataset.Reference.RowCount,
            ["latestWindow"] = result.Latest.Window.Name,
            ["windows"] = windows,
            ["trend"] = result.Trend is { } t ? Trend(t) : null,
            ["multivariate"] = result.Multivariate is { } m ? Multivariate(m) : null,
            ["estimation"] = result.Estimation is { } e ? Estimation(e) : null,
            ["responses"] = responses,
            ["audit"] = new JsonObject
            {
                ["valid"] = result.Audit.IsValid,
                ["records"] = result.Audit.VerifiedCount,
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Trend(TrendAnalysis t) => new()
    {
        ["metric"] = t.Series.Metric,
        ["periodUnit"] = t.Series.PeriodUnit,
        ["periods"] = new JsonArray([.. t.Series.PeriodLabels.Select(l => (JsonNode?)JsonValue.Create(l))]),
        ["values"] = new JsonArray([.. t.Series.Values.Select(v => (JsonNode?)JsonValue.Create(v))]),
        ["threshold"] = t.Series.Threshold,
        ["hasEnoughData"] = t.Trend.HasEnoughData,
        ["periodsRegressed"] = t.Trend.Count,
        ["slope"] = Finite(t.Trend.Slope),
        ["pValue"] = Finite(t.Trend.PValue),
        ["current"] = Finite(t.Trend.Current),
        ["projected"] = Finite(t.Trend.Projected),
        ["projectionHorizon"] = t.Trend.ProjectionHorizon,
        ["periodsUntilThreshold"] = Finite(t.Trend.PeriodsUntilThreshold),
        ["isDeclining"] = t.Trend.IsDeclining,
        ["recommendation"] = t.Trend.Recommendation.ToString(),
        ["degradation"] = new JsonObject
        {
            ["trailingMean"] = Finite(t.Degradation.TrailingMean),
            ["degradation"] = t.Degradation.Degradation,
            ["isDrifted"] = t.Degradation.IsDrifted,
        },
    };

    private static JsonObject Multivariate(MultivariateAnalysis m) => new()
    {
        ["skipped"] = m.Skipped,
        ["chunkSize"] = m.ChunkSize,
        ["referenceChunkErrors"] = new JsonArray([.. m.ReferenceChunkErrors.Select(e => (JsonNode?)Finite(e))]),
        ["anyDrift"] = m.AnyDrift,
        ["windows"] = new JsonArray([.. m.Windows.Select(w => (JsonNode?)new JsonObject
        {
            ["name"] = w.Name,
            ["report"] = JsonNode.Parse(w.Report.ToJson()),
        })]),
    };
    private static JsonObject Estimation(EstimationAnalysis e)
    {
        var weeks = new JsonArray();
        foreach (var w in e.Weeks)
        {
            var a = w.Realised.Get(AiGovernance.Monitoring.PerformanceEstimation.EstimatedMetric.Accuracy);
            weeks.Add(new JsonObject
            {
                ["week"] = w.Week.Label,
                ["end"] = w.Week.End.ToString("O"),
                ["predictions"] = w.Week.Scores.Length,
                ["estimatedAccuracy"] = a.Estimated,
                ["lower"] = a.Lower,
                ["upper"] = a.Upper,
                ["realisedAccuracy"] = a.Realised,
                ["insideBand"] = !a.IsOutsideBand,
                ["labelsArrive"] = w.LabelsArrive,
                ["gapAlert"] = w.Realised.IsAlert,
                ["estimate"] = JsonNode.Parse(w.Estimate.ToJson()),
            });
        }

        var c = e.Reference.Calibration;
        return new JsonObject
        {
            ["method"] = "CBPE",
            ["calibrator"] = e.Reference.CalibratorDescription,
            ["referencePredictions"] = e.Reference.Count,
            ["calibrationError"] = c.ExpectedCalibrationError,
            ["calibrationBinning"] = c.Binning,
            ["calibrationLimit"] = e.Reference.MaximumCalibrationError,
            ["labelDelayWeeks"] = e.LabelDelayWeeks,
            ["threshold"] = e.Threshold,
            ["weeks"] = weeks,
            ["insideBand"] = e.InsideBand,
            ["trend"] = new JsonObject
            {
                ["slope"] = Finite(e.EstimatedTrend.Slope),
                ["pValue"] = Finite(e.EstimatedTrend.PValue),
                ["periodsUntilThreshold"] = Finite(e.EstimatedTrend.PeriodsUntilThreshold),
                ["recommendation"] = e.EstimatedTrend.Recommendation.ToString(),
                ["isEstimated"] = e.EstimatedTrend.IsEstimated,
            },
            ["estimatedFlag"] = e.EstimatedFlag,
            ["labelledFlag"] = e.LabelledFlag,
            ["weeksEarlier"] = e.WeeksEarlier,
        };
    }

    // JSON has no NaN or infinity: write them as the strings the library's own reports use.
    private static JsonValue Finite(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
}
