using AiGovernance.Dashboard.History;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using AiGovernance.Reporting.Charts;
using Microsoft.AspNetCore.Http;

namespace AiGovernance.Dashboard.Pages;

/// <summary>One system: gate decisions and the approvals behind them, the rollout and its last canary analysis, drift history
/// per column, performance-gate history, oversight warnings, the scorecard trend and the audit chain's status.</summary>
/// <remarks>Reads one pass over the audit log, one query of the report history over <see cref="DashboardOptions.History"/>,
/// the inventory entry, the rollout state and the incident register. O(audit records + reports × columns).</remarks>
internal static class SystemPage
{
    private const int MaxGateDecisions = 25;
    private const int MaxWarnings = 60;

    public static async Task<int> RenderAsync(PageContext context, HtmlWriter html, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var systemId = http.Request.RouteValues["systemId"] as string ?? string.Empty;
        var entry = context.Inventory is { } inventory ? await inventory.FindAsync(systemId, cancellationToken).ConfigureAwait(false) : null;
        var facts = await SystemAuditFacts.ReadAsync(context.AuditLog, systemId, cancellationToken).ConfigureAwait(false);
        var history = await ReportHistory.ReadAsync(context.Reports, systemId, context.Now - context.Options.History, cancellationToken)
            .ConfigureAwait(false);
        if (entry is null && facts.GateDecisions.Count == 0 && history.Drift.Count == 0 && history.Oversight.Count == 0
            && history.Scorecards.Count == 0 && history.LatestCanary is null)
        {
            PageLayout.Begin(html, context.Options.Title, "Unknown system", context.BasePath);
            html.Raw("<h2>Unknown system</h2><p id=\"not-found\">No system <code>").Text(systemId)
                .Raw("</code> in the inventory, the audit log or the report history.</p>");
            PageLayout.End(html);
            return StatusCodes.Status404NotFound;
        }

        IReadOnlyList<SeriousIncident> incidents = context.Incidents is { } register
            ? [.. (await register.ListAsync(cancellationToken).ConfigureAwait(false)).Where(i => i.SystemId == systemId)]
            : [];
        PageLayout.Begin(html, context.Options.Title, entry?.Name ?? systemId, context.BasePath);
        WriteHeader(context, html, systemId, entry, facts, history, incidents);
        WriteGates(html, facts);
        await WriteRolloutAsync(context, html, systemId, history, cancellationToken).ConfigureAwait(false);
        DriftSection.Write(context, html, history);
        WritePerformance(html, facts);
        WriteOversight(context, html, systemId, history, facts);
        WriteScorecards(html, history);
        await AuditChainSection.WriteAsync(context, html, facts, cancellationToken).ConfigureAwait(false);
        if (history.Unreadable.Count > 0)
        {
            html.Raw("<h2 id=\"unreadable\">Unreadable reports</h2><ul>");
            foreach (var (id, kind, reason) in history.Unreadable)
            {
                html.Raw("<li>#").Number(id).Raw(" (").Text(kind).Raw("): ").Text(reason).Raw("</li>");
            }

            html.Raw("</ul>");
        }

        PageLayout.End(html);
        return StatusCodes.Status200OK;
    }

    private static void WriteHeader(PageContext context, HtmlWriter html, string systemId, AiInventoryEntry? entry, SystemAuditFacts facts,
        ReportHistory history, IReadOnlyList<SeriousIncident> incidents)
    {
        html.Raw("<h2 id=\"system-heading\">").Text(entry?.Name ?? systemId).Raw(" <code>").Text(systemId).Raw("</code></h2>");
        html.Raw("<div class=\"tiles\" id=\"summary\">");
        Tile(html, "tier", "Risk tier", entry is null ? "not in inventory" : entry.Tier.ToString(),
            entry is null ? "warn" : Words.TierClass(entry.Tier));
        Tile(html, "phase", "Lifecycle phase", facts.Lifecycle is { } phase ? Words.Phase(phase.Phase) : "not recorded", null);
        if (entry is not null)
        {
            DateTimeOffset? due = entry.LastReviewedAt is { } last ? last + context.ReviewSchedule.GetInterval(entry.Tier) : null;
            var overdue = due is not { } d || d <= context.Now;
            Tile(html, "next-review", "Next continuation review",
                due is { } next ? next.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "never reviewed",
                overdue ? "bad" : null);
        }

        var latest = history.Drift.Count > 0 ? history.Drift[^1] : null;
        Tile(html, "latest-drift", "Latest drift window",
            latest is null ? "no drift reports" : $"{latest.DriftedColumnCount} / {latest.ColumnCount} columns drifted",
            latest is null ? null : latest.DatasetDrift ? "bad" : "ok");
        var open = incidents.Count(i => i.Status == SeriousIncidentStatus.Open);
        Tile(html, "incidents", "Open serious incidents", open.ToString(System.Globalization.CultureInfo.InvariantCulture), open > 0 ? "bad" : "ok");
        var verification = facts.LastVerification;
        Tile(html, "chain", "Audit chain (last verification)",
            verification is null ? "never verified" : verification.Valid ? "valid" : "BROKEN",
                verification is null ? "warn" : verification.Valid ? "ok" : "bad");
        html.Raw("</div>");
        if (entry is not null)
        {
            html.Raw("<p>Owners — business: ").Text(entry.Owners.BusinessOwner ?? "unassigned").Raw(", technical: ")
                .Text(entry.Owners.TechnicalOwner ?? "unassigned").Raw(", operations: ").Text(entry.Owners.OperationsOwner ?? "unassigned").Raw(".");
            if (entry.IsThirdParty)
            {
                html.Raw(" Third party: ").Text(entry.Vendor).Raw(" · ").Text(entry.Product ?? "—").Raw(" · ").Text(entry.Component ?? "—").Raw(".");
            }

            html.Raw("</p>");
        }

        html.Raw("<p class=\"legal-basis\">Legal basis: ");
        ClassificationView.WriteLegalBasis(html, history.LatestClassification);
        html.Raw("</p>");
    }

    private static void Tile(HtmlWriter html, string id, string label, string value, string? badge)
    {
        html.Raw("<div class=\"tile\" id=\"tile-").Raw(id).Raw("\"><div class=\"label\">").Raw(label).Raw("</div><div class=\"value\">");
        if (badge is null)
        {
            html.Text(value);
        }
        else
        {
            html.Raw("<span class=\"badge ").Raw(badge).Raw("\">").Text(value).Raw("</span>");
        }

        html.Raw("</div></div>");
    }

    private static void WriteGates(HtmlWriter html, SystemAuditFacts facts)
    {
        if (!PageLayout.Section(html, "gates", "Gate decisions", facts.GateDecisions.Count == 0, "No gate decision recorded."))
        {
            return;
        }

        html.Raw("<table id=\"gate-decisions\"><thead><tr><th>#</th><th>Decided</th><th>Gate</th><th>Environment</th><th>Artifact SHA-256</th>")
            .Raw("<th>Outcome</th><th>Approvals (who, role, key, valid until)</th><th>Reasons</th></tr></thead><tbody>");
        foreach (var decision in facts.GateDecisions.AsEnumerable().Reverse().Take(MaxGateDecisions))
        {
            html.Raw("<tr data-allowed=\"").Raw(decision.Allowed ? "true" : "false").Raw("\"><td class=\"num\">").Number(decision.Sequence)
                .Raw("</td><td>").Time(decision.Timestamp).Raw("</td><td>").Text(decision.Gate).Raw("</td><td>").Text(decision.Environment)
                .Raw("</td><td><code class=\"digest\">").FullText(decision.ArtifactDigest.ToString()).Raw("</code></td><td><span class=\"badge ")
                .Raw(decision.Allowed ? "ok\">allowed" : "bad\">blocked").Raw("</span><br><span class=\"muted\">").Text(decision.Tier)
                    .Raw(", policy ")
                .Text(decision.PolicyVersion).Raw("</span></td><td><ul class=\"approvals\">");
            foreach (var approval in decision.Approvals)
            {
                html.Raw("<li>").Text(approval.Kind).Raw(" — ").Text(approval.Reviewer);
                if (approval.Role is not null)
                {
                    html.Raw(" (").Text(approval.Role).Raw(")");
                }

                html.Raw(", key <code>").Text(approval.KeyId ?? "not recorded").Raw("</code>");
                if (approval.ExpiresAt is { } expires)
                {
                    html.Raw(", valid until ").Time(expires);
                }

                html.Raw("</li>");
            }

            foreach (var missing in decision.Missing)
            {
                html.Raw("<li class=\"overdue\">missing: ").Text(missing).Raw("</li>");
            }

            html.Raw("</ul></td><td>");
            foreach (var reason in decision.Reasons)
            {
                html.Text(reason).Raw("<br>");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static async Task WriteRolloutAsync(PageContext context, HtmlWriter html, string systemId, ReportHistory history,
        CancellationToken cancellationToken)
    {
        html.Raw("<h2 id=\"rollout\">Rollout</h2>");
        if (context.Options.Rollouts.TryGetValue(systemId, out var rolloutName) && context.Rollouts is { } store)
        {
            var state = await store.GetAsync(rolloutName, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                html.Raw("<p class=\"muted\">Rollout <code>").Text(rolloutName).Raw("</code> has no stored state.</p>");
            }
            else
            {
                html.Raw("<table id=\"rollout-state\"><tbody><tr><th>Rollout</th><td><code>").Text(state.RolloutName).Raw("</code></td></tr>")
                    .Raw("<tr><th>State</th><td><span class=\"badge ").Raw(state.State is Deployment.Rollout.RolloutState.RolledBack
                        or Deployment.Rollout.RolloutState.RollbackFailed ? "bad" : "ok").Raw("\">").Raw(state.State.ToString())
                            .Raw("</span></td></tr>")
                    .Raw("<tr><th>Stage</th><td>").Number(state.StageIndex + 1L).Raw(", ").Number(state.TrafficFraction * 100, "0.#")
                    .Raw(" % of traffic since ").Time(state.StageStartedAt).Raw("</td></tr><tr><th>Reason</th><td>").Text(state.Reason)
                    .Raw("</td></tr></tbody></table>");
            }
        }
        else
        {
            html.Raw("<p class=\"muted\">No rollout is configured for this system (DashboardOptions.Rollouts).</p>");
        }

        if (!PageLayout.Section(html, "canary", "Last canary analysis", history.LatestCanary is null, "No canary analysis in the report history.",
            subsection: true) || history.LatestCanary is not { } canary)
        {
            return;
        }

        var bad = canary.Decision is "RollbackImmediately";
        html.Raw("<p><span class=\"badge ").Raw(bad ? "bad" : "ok").Raw("\">").Text(canary.Decision ?? "unknown").Raw("</span> ")
            .Raw("at ").Time(canary.At).Raw(" (").Text(canary.Mode).Raw("), baseline ").Number(canary.BaselineRequests ?? double.NaN, "0")
            .Raw(" and candidate ").Number(canary.CandidateRequests ?? double.NaN, "0").Raw(" requests.</p><ul>");
        foreach (var reason in canary.Reasons)
        {
            html.Raw("<li>").Text(reason).Raw("</li>");
        }

        html.Raw("</ul>");
    }

    private static void WritePerformance(HtmlWriter html, SystemAuditFacts facts)
    {
        if (!PageLayout.Section(html, "performance", "Performance-gate history", facts.PerformanceAttempts.Count == 0,
            "No performance-gate attempt recorded for the artifacts this system's gates decided on."))
        {
            return;
        }

        html.Raw("<div class=\"charts\">");
        foreach (var group in facts.PerformanceAttempts.GroupBy(a => (a.Milestone, a.Metric)))
        {
            var attempts = group.ToList();
            var metric = HtmlWriter.Bound(group.Key.Metric ?? "metric", 80);
            var title = HtmlWriter.Bound(group.Key.Milestone ?? "milestone", 80) + ": " + metric;
            var chart = new TimeSeriesChart(title, TrendCharts.Dates(attempts, a => a.Timestamp),
                TrendCharts.Observed("estimate", [.. attempts.Select(a => a.Estimate)]), TrendCharts.Attempt, new ChartAxis(metric))
            {
                Band = new ChartBand("confidence interval", [.. attempts.Select(a => a.Lower <= a.Upper ? a.Lower : null)],
                    [.. attempts.Select(a => a.Lower <= a.Upper ? a.Upper : null)]),
                Thresholds = attempts.LastOrDefault(a => a.Threshold is not null)?.Threshold is { } threshold
                    ? [new ChartThreshold(threshold, "gate threshold")]
                    : [],
                Highlighted = [.. attempts.Select(a => a.Verdict is "NoGo")],
                HighlightNote = "no-go",
                CssClass = "performance",
            };
            TrendCharts.Figure(html, string.Empty, title, chart);
        }

        html.Raw("</div><table id=\"performance-attempts\"><thead><tr><th>#</th><th>When</th><th>Milestone</th><th>Metric</th><th>Estimate</th>")
            .Raw("<th>Interval</th><th>Threshold</th><th>n</th><th>Verdict</th><th>Model</th></tr></thead><tbody>");
        foreach (var a in facts.PerformanceAttempts.AsEnumerable().Reverse())
        {
            html.Raw("<tr><td class=\"num\">").Number(a.Sequence).Raw("</td><td>").Time(a.Timestamp).Raw("</td><td>").Text(a.Milestone)
                .Raw("</td><td>").Text(a.Metric).Raw("</td><td class=\"num\">").Number(a.Estimate ?? double.NaN,
                    "0.0000").Raw("</td><td class=\"num\">[")
                .Number(a.Lower ?? double.NaN, "0.0000").Raw(", ").Number(a.Upper ?? double.NaN, "0.0000").Raw("]</td><td class=\"num\">")
                .Number(a.Threshold ?? double.NaN, "0.0000").Raw("</td><td class=\"num\">").Text(a.SampleSize).Raw("</td><td><span class=\"badge ")
                .Raw(a.Verdict switch { "Go" => "ok", "NoGo" => "bad", _ => "warn" }).Raw("\">").Text(a.Verdict).Raw("</span></td><td>")
                .Text(a.Model).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }

    private static void WriteOversight(PageContext context, HtmlWriter html, string systemId, ReportHistory history, SystemAuditFacts facts)
    {
        var oversight = history.Oversight;
        if (!PageLayout.Section(html, "oversight", "Human oversight", oversight.Count == 0, "No override analysis in the report history."))
        {
            return;
        }

        TrendCharts.Figure(html, string.Empty, "Override rate by analysis", new TimeSeriesChart("Override rate",
            TrendCharts.Dates(oversight, o => o.At), TrendCharts.Observed("override rate", [.. oversight.Select(o => o.OverrideRate)]),
            TrendCharts.WindowEnd, new ChartAxis("override rate", "% of reviews"), ChartValueFormat.Percent) { CssClass = "override-rate" });
        html.Raw("<table id=\"oversight-warnings\"><thead><tr><th>Analysis</th><th>Warning</th><th>Message</th><th>Observed</th>")
            .Raw("<th>Threshold</th><th>Acknowledged</th></tr></thead><tbody>");
        var shown = 0;
        foreach (var report in oversight.AsEnumerable().Reverse())
        {
            foreach (var warning in report.Warnings)
            {
                if (shown++ == MaxWarnings)
                {
                    break;
                }

                html.Raw("<tr class=\"warning\"").Attribute("data-kind", warning.Kind).Raw("><td>").Date(report.At).Raw(" <span class=\"muted\">#")
                    .Number(report.ReportId).Raw("</span></td><td><span class=\"badge warn\">").Text(Words.Humanise(warning.Kind))
                        .Raw("</span></td><td>")
                    .Text(warning.Message).Raw("</td><td class=\"num\">").Number(warning.Observed ?? double.NaN,
                        "0.###").Raw("</td><td class=\"num\">")
                    .Number(warning.Threshold ?? double.NaN, "0.###").Raw("</td><td class=\"ack\">");
                if (facts.Acknowledgements.TryGetValue((report.ReportId, warning.Index), out var ack))
                {
                    html.Raw("by ").Text(ack.Actor).Raw(" on ").Date(ack.Timestamp);
                    if (ack.Note is not null)
                    {
                        html.Raw(": <q class=\"note\">").Text(ack.Note).Raw("</q>");
                    }
                }
                else if (context.CanAct)
                {
                    html.Raw("<form class=\"inline ack-form\" method=\"post\"").Attribute("action", context.BasePath + "/systems/"
                        + Uri.EscapeDataString(systemId) + "/warnings/acknowledge").Raw(">");
                    context.WriteFormFields(html);
                    html.Raw("<input type=\"hidden\" name=\"report\" value=\"").Number(report.ReportId).Raw("\"><input type=\"hidden\" " +
                        "name=\"warning\" value=\"")
                        .Number(warning.Index).Raw("\"><input name=\"note\" maxlength=\"1000\" placeholder=\"note\" aria-label=\"note\">")
                        .Raw("<button type=\"submit\">Acknowledge</button></form>");
                }
                else
                {
                    html.Raw("<span class=\"muted\">not acknowledged</span>");
                }

                html.Raw("</td></tr>");
            }
        }

        html.Raw("</tbody></table>");
    }

    private static void WriteScorecards(HtmlWriter html, ReportHistory history)
    {
        var scorecards = history.Scorecards;
        if (!PageLayout.Section(html, "scorecard", "Scorecard trend", scorecards.Count == 0, "No scorecard in the report history."))
        {
            return;
        }

        TrendCharts.Figure(html, string.Empty, "Overall health", new TimeSeriesChart("Overall health", TrendCharts.Dates(scorecards, s => s.At),
            TrendCharts.Observed("overall health", [.. scorecards.Select(s => s.OverallHealth)]), TrendCharts.WindowEnd,
            new ChartAxis("overall health", "%"), ChartValueFormat.Percent) { CssClass = "scorecard-trend" });
        var latest = scorecards[^1];
        html.Raw("<table id=\"scorecard-latest\"><thead><tr><th>Dimension</th><th>Score (").Text(latest.Period)
            .Raw(")</th></tr></thead><tbody>");
        foreach (var (dimension, score) in latest.Dimensions)
        {
            html.Raw("<tr><td>").Text(dimension).Raw("</td><td class=\"num\">").Number(score ?? double.NaN, "0.##").Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
