using AiGovernance.Deployment.Canary;
using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Canary;

/// <summary>Lays out a <see cref="CanaryReportDocument"/>: baseline in blue against candidate in orange.</summary>
internal static class CanaryLayout
{
    public static ReportLayout Build(CanaryReportDocument d, ReportContext x)
    {
        var decisionTone = d.Decision switch
        {
            CanaryDecision.ProceedToFullRollout => ReportTone.Good,
            CanaryDecision.RollbackImmediately => ReportTone.Critical,
            CanaryDecision.MonitorClosely => ReportTone.Medium,
            _ => ReportTone.Neutral,
        };
        var tiles = new List<ReportTile>
        {
            new("decision", "Decision", d.Decision.ToString(),
                d.Mode == CanaryAnalysisMode.Sequential ? "always-valid sequential test" : "fixed-sample test",
                decisionTone),
            new("requests", "Requests", ReportFormat.Count(d.BaselineRequests) + " / " + ReportFormat.Count(d.CandidateRequests),
                "baseline / candidate"),
        };
        if (d.ErrorRate is { } e)
        {
            tiles.Add(new("error-rate-delta", "Error-rate change", x.Percent(e.Difference), $"p = {x.Number(e.PValue)} ({e.Test})",
                e.Significant && e.Difference > 0 ? ReportTone.Bad : ReportTone.Good));
        }

        if (d.SampleRatio is { } s)
        {
            tiles.Add(new("sample-ratio", "Sample ratio", s.Mismatch ? "MISMATCH" : "as planned",
                $"candidate {x.Percent(s.ObservedCandidateFraction)} of planned {x.Percent(s.PlannedCandidateFraction)} (p = {x.Number(s.PValue)})",
                s.Mismatch ? ReportTone.Bad : ReportTone.Good));
        }

        var sections = new List<ReportSection> { new("summary", "Summary", [new TilesBlock(tiles)]) };
        if (d.ErrorRate is { } err)
        {
            var chart = new BarChart("Error rate by arm", ["error rate"],
                [new("baseline", [err.BaselineRate], ChartPalette.Reference), new("candidate", [err.CandidateRate], ChartPalette.Current)],
                new ChartAxis("arm"), new ChartAxis("share of requests failing", "%"), ChartValueFormat.Percent);
            sections.Add(new("error-rate", "Error rate", [new ChartBlock(chart), new FactsBlock(
            [
                new("Baseline", x.Percent(err.BaselineRate)),
                new("Candidate", x.Percent(err.CandidateRate)),
                new("Difference", x.Percent(err.Difference) + (err.Significant ? " (significant)" : " (not significant)")),
                new("Test", $"{err.Test}, z = {x.Number(err.Z)}, p = {x.Number(err.PValue)}"),
            ])])
            { CssClass = "chart" });
        }

        if (d.Latency is { } l)
        {
            var chart = new BarChart("Latency percentiles by arm", ["P50", "P95", "P99"],
                [new("baseline", l.Baseline, ChartPalette.Reference), new("candidate", l.Candidate, ChartPalette.Current)],
                new ChartAxis("percentile"), new ChartAxis("latency", "ms"));
            sections.Add(new("latency", "Latency", [new ChartBlock(chart), new ParagraphBlock(
                $"Mann–Whitney z = {x.Number(l.MannWhitneyZ)}, p = {x.Number(l.MannWhitneyPValue)}; Hodges–Lehmann shift " +
                    $"{x.Number(l.HodgesLehmannShift)} ms "
                + "(candidate minus baseline).") { Muted = true }])
            { CssClass = "chart" });
        }

        if (d.BusinessMetrics.Count > 0)
        {
            var rows = d.BusinessMetrics.Take(x.Options.MaxTableRows).Select(m => new TableRow(
            [
                x.Text(m.Name), TableCell.Number(x.Number(m.Baseline)), TableCell.Number(x.Number(m.Candidate)),
                m.HigherIsBetter ? "higher" : "lower", TableCell.Number(x.Percent(m.RelativeDegradation)),
            ])).ToList();
            sections.Add(new("business-metrics", "Business metrics",
                [new TableBlock(["Metric", new("Baseline", true), new("Candidate", true), "Better", new("Relative degradation", true)], rows)]));
        }

        sections.Add(new("reasons", "Reasons",
            d.Reasons.Count == 0 ? [new ParagraphBlock("No reason recorded.")] : [ListBlock.Of(d.Reasons.Select(x.Text))]));
        if (d.History is { Count: > 0 } history)
        {
            var labels = history.Select(h => ReportFormat.Timestamp(h.At)[..16]).ToList();
            var chart = new TimeSeriesChart("Candidate traffic share of " + x.Text(d.Rollout), labels,
                [new ChartSeries("candidate share", [.. history.Select(h => (double?)h.TrafficFraction)], ChartPalette.Current)],
                new ChartAxis("transition time", "UTC"), new ChartAxis("share of traffic", "%"), ChartValueFormat.Percent);
            var rows = history.Take(x.Options.MaxTableRows).Select(h => new TableRow(
            [
                ReportFormat.Timestamp(h.At), h.State.ToString(),
                    TableCell.Number(h.StageIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                TableCell.Number(x.Percent(h.TrafficFraction)), x.Text(h.Reason),
            ])).ToList();
            sections.Add(new("rollout-history", "Rollout history",
                [new ChartBlock(chart), new TableBlock(["Time", "State", new("Stage", true), new("Traffic", true), "Reason"], rows)])
            { CssClass = "chart" });
        }

        return new ReportLayout(d.Kind, "Canary analysis", x.Text(d.SystemName), d.GeneratedAt, sections) { Byline = "rollout " + x.Text(d.Rollout) };
    }
}
