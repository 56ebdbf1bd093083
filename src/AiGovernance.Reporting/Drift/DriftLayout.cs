using AiGovernance.Monitoring.Drift;
using AiGovernance.Reporting.Charts;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Reporting.Layout;
using AiGovernance.Statistics;

namespace AiGovernance.Reporting.Drift;

/// <summary>Lays out a <see cref="DriftReportDocument"/>: pictures first (summary, what drifted and how), then the numbers.</summary>
internal static class DriftLayout
{
    public static ReportLayout Build(DriftReportDocument d, ReportContext x)
    {
        var latest = d.Latest;
        var drifted = DriftReportDocument.OrderBySeverity(latest.Columns.Where(c => c.IsDrifted));
        var sections = new List<ReportSection> { Summary(d, drifted, x) };
        var distributions = d.Distributions.ToDictionary(b => b.Column, StringComparer.Ordinal);
        var charted = 0;
        foreach (var column in drifted)
        {
            if (charted >= x.Options.MaxChartedColumns)
            {
                break;
            }

            sections.Add(ColumnChart(d, column, distributions.GetValueOrDefault(column.Column), x));
            charted++;
        }

        if (d.Trend is { } trend)
        {
            sections.Add(Trend(trend, x));
        }

        if (d.Multivariate is { } multivariate)
        {
            sections.Add(Multivariate(multivariate, x));
        }

        if (d.Estimation is { } estimation)
        {
            sections.Add(Estimation(estimation, x));
        }

        sections.Add(Columns(latest, drifted.Count > charted ? drifted.Skip(charted).Select(c => c.Column).ToHashSet(StringComparer.Ordinal) : null,
            x));
        sections.Add(Windows(d, x));
        if (d.Windows.Any(w => w.Validation is not null))
        {
            sections.Add(Validation(d, x));
        }

        if (d.Responses is { } responses)
        {
            sections.Add(Responses(responses, d.Audit, x));
        }

        return new ReportLayout(d.Kind, "Drift report", x.Text(d.SystemName), d.GeneratedAt, sections)
        {
            Byline = d.Source is null ? null : x.Text(d.Source),
        };
    }

    private static ReportSection Summary(DriftReportDocument d, IReadOnlyList<DriftColumn> drifted, ReportContext x)
    {
        var latest = d.Latest;
        var tiles = new List<ReportTile>
        {
            new("dataset-drift", "Dataset drift", d.DatasetDrift ? "YES" : "NO",
                $"in {d.Windows.Count(w => w.DatasetDrift)} of {d.Windows.Count} window(s); "
                + $"threshold {x.Percent(d.DriftShareThreshold)} of columns", d.DatasetDrift ? ReportTone.Bad : ReportTone.Good),
            new("drifted-count", "Drifted columns", $"{latest.DriftedColumnCount} / {latest.ColumnCount}",
                "in the latest window, " + x.Text(latest.Name),
                latest.DriftedColumnCount > 0 ? ReportTone.Bad : ReportTone.Good),
            new("worst-severity", "Worst severity", latest.Severity.ToString(), "max PSI " + x.Number(latest.MaxPsi),
                ReportTones.FromSeverity(latest.Severity)),
        };
        if (d.Trend is { HasEnoughData: true } t)
        {
            tiles.Add(new("trend-verdict", x.Text(t.Metric) + " trend", t.IsDeclining ? "declining" : "stable",
                DriftReportDocument.DescribeCrossing(t, x.Digits),
                t.IsDeclining ? ReportTone.Bad : ReportTone.Good));
        }

        var inlines = new List<ReportInline> { new("Drifted columns in " + x.Text(latest.Name) + ": ") };
        if (drifted.Count == 0)
        {
            inlines.Add(new ReportInline("none", InlineStyle.Emphasis));
        }

        for (var i = 0; i < Math.Min(drifted.Count, x.Options.MaxTableRows); i++)
        {
            if (i > 0)
            {
                inlines.Add(new(", "));
            }

            var anchor = i < x.Options.MaxChartedColumns ? DriftReportDocument.ChartId(drifted[i].Column) : null;
            inlines.Add(ReportInline.Code(x.Text(drifted[i].Column), anchor));
        }

        inlines.Add(new(d.ExitCode is { } code ? $". Exit code {code}." : "."));
        return new ReportSection("summary", "Summary", [new TilesBlock(tiles), new ParagraphBlock(inlines)]);
    }

    private static ReportSection ColumnChart(DriftReportDocument d, DriftColumn column, DriftDistribution? bins, ReportContext x)
    {
        var name = x.Text(column.Column);
        var window = x.Text(d.Latest.Name);
        var blocks = new List<ReportBlock> { new ParagraphBlock(Explain(column, x)) { Muted = true } };
        if (bins is not null)
        {
            ChartSeries[] series =
            [
                new("reference", [.. bins.Reference.Select(v => (double?)v)], ChartPalette.Reference),
                new("current (" + window + ")", [.. bins.Current.Select(v => (double?)v)], ChartPalette.Current),
            ];
            var yAxis = new ChartAxis("share of present values", "%");
            ReportChart chart = bins.Kind == ColumnKind.Numeric && bins.Edges.Count == bins.Labels.Count + 1
                ? new HistogramChart("Histogram of " + name, bins.Edges, series, new ChartAxis(name, "value"), yAxis) { CssClass = "distribution" }
                : new BarChart("Categories of " + name, [.. bins.Labels.Select(x.Text)], series, new ChartAxis(name, "category"), yAxis,
                    ChartValueFormat.Percent)
                { CssClass = "distribution", Highlighted = bins.IsNew };
            blocks.Add(new ChartBlock(chart));
        }

        if (column.MissingRateDrifted)
        {
            blocks.Add(new ChartBlock(new BarChart("Missing values of " + name, ["missing values"],
                [new("reference", [column.ReferenceMissingRate], ChartPalette.Reference),
                 new("current (" + window + ")", [column.CurrentMissingRate], ChartPalette.Current)],
                new ChartAxis("values", "missing"), new ChartAxis("share of rows", "%"), ChartValueFormat.Percent) { CssClass = "missing" }));
        }

        return new ReportSection(DriftReportDocument.ChartId(column.Column), name, blocks)
        {
            HeadingIsCode = true,
            Badge = TableCell.Badge(column.Severity.ToString(), ReportTones.FromSeverity(column.Severity)),
            CssClass = "chart",
            Data = new Dictionary<string, string> { ["column"] = x.Text(column.Column) },
        };
    }

    internal static string Explain(DriftColumn c, ReportContext x)
    {
        if (c.Status != ColumnDriftStatus.Compared)
        {
            return x.Text(c.Reason) + ".";
        }

        var parts = new List<string>();
        if (c.DistributionDrifted)
        {
            parts.Add(c.Method switch
            {
                DriftMethod.NormalizedWasserstein => $"normalised Wasserstein distance {x.Number(c.Statistic)} > {x.Number(c.Threshold)}",
                DriftMethod.JensenShannon => $"Jensen–Shannon distance {x.Number(c.Statistic)} > {x.Number(c.Threshold)}",
                _ => $"{c.Method} statistic {x.Number(c.Statistic)}, adjusted p = {x.Number(c.AdjustedPValue)} < {x.Number(c.Threshold)}",
            });
        }

        if (c.MissingRateDrifted)
        {
            parts.Add($"missing rate {x.Percent(c.ReferenceMissingRate)} → {x.Percent(c.CurrentMissingRate)} (adjusted p = " +
                $"{x.Number(c.AdjustedMissingRatePValue)})");
        }

        parts.Add("PSI " + x.Number(c.Psi));
        return string.Join("; ", parts) + ".";
    }

    private static ReportSection Trend(DriftPerformanceTrend t, ReportContext x)
    {
        var blocks = new List<ReportBlock>();
        if (t.HasEnoughData)
        {
            blocks.Add(new ParagraphBlock(
                $"Latest {x.Number(t.Current)}; slope {x.Number(t.Slope)} per {x.Text(t.PeriodUnit)} over {t.PeriodsRegressed} " +
                    $"{x.Text(t.PeriodUnit)}s "
                + $"(p = {x.Number(t.PValue)}); projected {x.Number(t.Projected)} in {t.ProjectionHorizon} {x.Text(t.PeriodUnit)}s; "
                + $"{DriftReportDocument.DescribeCrossing(t, x.Digits)}. Recommendation: {t.Recommendation}.")
            { Muted = true });
            blocks.Add(new ChartBlock(new PerformanceTrendChart(t)));
        }
        else
        {
            blocks.Add(new ParagraphBlock("Too few periods to fit a trend.") { Muted = true });
        }

        return new ReportSection("trend", "Performance trend: " + x.Text(t.Metric), blocks) { CssClass = "chart" };
    }

    private static ReportSection Multivariate(DriftMultivariate m, ReportContext x)
    {
        if (m.Skipped is { } skipped)
        {
            return new ReportSection("multivariate", "Multivariate drift", [new ParagraphBlock("Not run: " + x.Text(skipped)) { Muted = true }])
            {
                CssClass = "chart",
            };
        }

        var blocks = new List<ReportBlock>
        {
            new ParagraphBlock("All columns together: PCA reconstruction error against a band from the reference's chunk-to-chunk " +
                "variability, a cross-validated domain classifier (AUC with a DeLong interval) and the maximum mean discrepancy. They catch " +
                "changed relationships between columns that every per-column test misses.") { Muted = true },
        };
        if (m.ReferenceChunkErrors.Count > 0 || m.Windows.Any(w => w.ReconstructionError is not null))
        {
            blocks.Add(new ChartBlock(new ReconstructionErrorChart(m)));
        }

        TableColumn[] columns = ["Window", new("Reconstruction error", true), new("Band", true), new("Classifier AUC", true), new("MMD p", true),
            "Leaning on", "Drift"];
        var rows = m.Windows.Select(w => new TableRow(
        [
            x.Text(w.Name),
            Flagged(x.Number(w.ReconstructionError), w.ReconstructionDrifted),
            TableCell.Number(w.ReconstructionError is null ? "—" : x.Interval(w.ReconstructionLower, w.ReconstructionUpper)),
            Flagged(w.ClassifierAuc is null ? "—" : x.Number(w.ClassifierAuc) + " " + x.Interval(w.ClassifierLower, w.ClassifierUpper),
                w.ClassifierDrifted),
            Flagged(x.Number(w.MmdPValue), w.MmdDrifted),
            w.LeaningOn.Count == 0 ? "—" : string.Join(", ", w.LeaningOn.Take(3).Select(c => x.Text(c.Column) + " " + x.Percent(c.Share))),
            w.IsDrifted ? new TableCell("yes", CellStyle.Strong, ReportTone.Bad) : "no",
        ])
        {
            Data = new Dictionary<string, string> { ["window"] = x.Text(w.Name), ["drifted"] = w.IsDrifted ? "true" : "false" },
            Highlighted = w.IsDrifted,
        }).ToList();
        blocks.Add(new TableBlock(columns, rows) { CssClass = "multivariate" });
        return new ReportSection("multivariate", "Multivariate drift", blocks) { CssClass = "chart" };
    }

    private static TableCell Flagged(string text, bool? drifted) =>
        drifted == true ? new TableCell(text, CellStyle.Strong, ReportTone.Bad) : TableCell.Number(text);

    private static ReportSection Estimation(DriftEstimation e, ReportContext x)
    {
        var blocks = new List<ReportBlock>
        {
            new ParagraphBlock(e.DescribeFlags(x.Text) + " " + e.DescribeTrend(x.Digits)) { Muted = true },
        };
        if (e.Weeks.Count > 0)
        {
            blocks.Add(new ChartBlock(new EstimatedAccuracyChart(e)));
        }

        blocks.Add(new ParagraphBlock($"Confidence-based performance estimation: {x.Text(e.Calibrator)} fitted on " +
            $"{ReportFormat.Count(e.ReferencePredictions)} labelled reference predictions, cross-validated ECE {x.Number(e.CalibrationError)} " +
            $"({x.Text(e.CalibrationBinning)}), limit {x.Number(e.CalibrationLimit)}; the band is the 95% range of the accuracy the outcomes " +
            "will show if only the input mix moved (covariate shift)."));
        TableColumn[] columns = ["Week", new("Estimated accuracy", true), new("95% band", true), new("Realised accuracy", true), "Labels arrive",
            "Inside band"];
        var rows = e.Weeks.Select(w => new TableRow(
        [
            x.Text(w.Week),
            TableCell.Number(x.Number(w.EstimatedAccuracy)),
            TableCell.Number(x.Interval(w.Lower, w.Upper)),
            TableCell.Number(x.Number(w.RealisedAccuracy)),
            x.Text(w.LabelsArrive),
            w.InsideBand ? "yes" : new TableCell("no", CellStyle.Strong, ReportTone.Bad),
        ])
        {
            Data = new Dictionary<string, string> { ["week"] = x.Text(w.Week) },
            Highlighted = !w.InsideBand,
        }).ToList();
        blocks.Add(new TableBlock(columns, rows) { CssClass = "estimation-weeks" });
        return new ReportSection("estimation", "Estimated versus realised accuracy (CBPE, no labels needed)", blocks) { CssClass = "chart" };
    }

    private static ReportSection Columns(DriftWindow latest, HashSet<string>? uncharted, ReportContext x)
    {
        TableColumn[] columns =
        [
            "Column", "Kind", "Method", new("Statistic", true), new("p-value (adj.)", true), new("PSI", true), new("Missing ref → cur", true),
            "Drifted", "Severity",
        ];
        var ordered = DriftReportDocument.OrderBySeverity(latest.Columns);
        var rows = new List<TableRow>(Math.Min(ordered.Count, x.Options.MaxTableRows));
        foreach (var c in ordered.Take(x.Options.MaxTableRows))
        {
            var method = c.Status == ColumnDriftStatus.Compared ? c.Method.ToString() : c.Status.ToString();
            var charted = c.IsDrifted && uncharted?.Contains(c.Column) != true;
            rows.Add(new TableRow(
            [
                TableCell.Code(x.Text(c.Column), charted ? DriftReportDocument.ChartId(c.Column) : null),
                c.Kind.ToString(),
                new TableCell(method, Tooltip: x.Text(c.Reason)),
                TableCell.Number(x.Number(c.Statistic)),
                TableCell.Number(x.Number(c.AdjustedPValue)),
                TableCell.Number(x.Number(c.Psi)),
                TableCell.Number(x.Percent(c.ReferenceMissingRate) + " → " + x.Percent(c.CurrentMissingRate)),
                c.IsDrifted ? (c.MissingRateDrifted && !c.DistributionDrifted ? "yes (missing rate)" : "yes") : "no",
                TableCell.Badge(c.Severity.ToString(), ReportTones.FromSeverity(c.Severity)),
            ])
            {
                Data = new Dictionary<string, string>
                {
                    ["column"] = x.Text(c.Column), ["severity"] = c.Severity.ToString(), ["drifted"] = c.IsDrifted ? "true" : "false",
                },
                Highlighted = c.IsDrifted,
            });
        }

        var table = new TableBlock(columns, rows) { CssClass = "columns", OmittedRows = ordered.Count - rows.Count };
        return new ReportSection("columns", "Columns in " + x.Text(latest.Name) + ", worst first", [table]);
    }

    private static ReportSection Windows(DriftReportDocument d, ReportContext x)
    {
        TableColumn[] columns = ["Window", new("Rows", true), "Drifted columns", new("Share", true), "Dataset drift", "Severity", new("Max PSI",
            true)];
        var rows = d.Windows.Select(w =>
        {
            var names = string.Join(", ", w.Columns.Where(c => c.IsDrifted).Take(20).Select(c => x.Text(c.Column)));
            if (w.DriftedColumnCount > 20)
            {
                names += $", … ({w.DriftedColumnCount} in all)";
            }

            return new TableRow(
            [
                x.Text(w.Name),
                TableCell.Number(ReportFormat.Count(w.Rows)),
                names.Length == 0 ? "—" : names,
                TableCell.Number(x.Percent(w.DriftedShare)),
                w.DatasetDrift ? new TableCell("yes", CellStyle.Strong, ReportTone.Bad) : "no",
                TableCell.Badge(w.Severity.ToString(), ReportTones.FromSeverity(w.Severity)),
                TableCell.Number(x.Number(w.MaxPsi)),
            ]);
        }).ToList();
        return new ReportSection("windows", "Windows", [new TableBlock(columns, rows)]);
    }

    private static ReportSection Validation(DriftReportDocument d, ReportContext x)
    {
        var items = new List<IReadOnlyList<ReportInline>>();
        foreach (var w in d.Windows)
        {
            if (w.Validation is not { } v)
            {
                continue;
            }

            var item = new List<ReportInline> { ReportInline.Strong(x.Text(w.Name)), new(": ") };
            if (v.Valid)
            {
                item.Add(new("valid"));
            }
            else
            {
                item.Add(new($"{v.Violations.Count} violation(s): "));
                foreach (var (violation, i) in v.Violations.Take(x.Options.MaxTableRows).Select((violation, i) => (violation, i)))
                {
                    item.Add(new(i == 0 ? string.Empty : "; "));
                    item.Add(ReportInline.Code(violation.Rule));
                    item.Add(new(" " + x.Text(violation.Message)));
                }
            }

            items.Add(item);
        }

        return new ReportSection("validation", "Ingestion validation",
        [
            new ParagraphBlock("Each window is checked against the schema inferred from the reference (kinds, ranges, missing rates, known " +
                "categories).")
            {
                Muted = true,
            },
            new ListBlock(items),
        ]);
    }

    private static ReportSection Responses(IReadOnlyList<DriftResponseEntry> responses, DriftAuditSummary? audit, ReportContext x)
    {
        TableColumn[] columns = ["Event", "Severity", "Disposition", "Handlers", "What they would do"];
        var rows = responses.Select(r => new TableRow(
        [
            x.Text(r.Trigger),
            TableCell.Badge(r.Severity.ToString(), ReportTones.FromSeverity(r.Severity)),
            r.Disposition.ToString(),
            x.Text(string.Join(", ", r.Handlers.Select(h => h.Succeeded ? h.Handler : h.Handler + " (failed)"))),
            r.Actions.Count == 0 ? new TableCell("recorded only", Tone: ReportTone.Neutral) : string.Join(" · ", r.Actions.Select(x.Text)),
        ])).ToList();
        var blocks = new List<ReportBlock> { new TableBlock(columns, rows) };
        if (audit is { } a)
        {
            blocks.Add(new ParagraphBlock($"Audit chain {(a.Valid ? "verified" : "BROKEN")}: {ReportFormat.Count(a.Records)} " +
                $"records.") { Muted = true });
        }

        return new ReportSection("responses", "Drift responses", blocks);
    }
}
