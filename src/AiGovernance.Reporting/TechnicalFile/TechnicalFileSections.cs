using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Pipelines;
using AiGovernance.Core.Reports;
using AiGovernance.Gates;
using AiGovernance.Reporting.Formatting;
using AiGovernance.Shared;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>Builds the nine Annex IV sections from the evidence. Every fact names its source; what the evidence lacks is a gap.
/// The gap texts paraphrase the Annex IV points they stand for.</summary>
internal sealed class TechnicalFileSections(AiSystem system, ModelArtifact artifact, TechnicalFileEvidence evidence,
    PostMarketSummaryDocument results)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly IReadOnlyList<AuditRecord> _records = SystemEvidence.Records(evidence, system.Id, artifact.Digest);
    private readonly IReadOnlyList<StoredGovernanceReport> _reports = SystemEvidence.Reports(evidence, system.Id);

    public SortedDictionary<long, CitedAuditRecord> CitedRecords { get; } = [];

    public SortedDictionary<long, CitedReport> CitedReports { get; } = [];

    public IReadOnlyList<TechnicalFileSection> Build() =>
        [General(), Development(), Functioning(), Metrics(), RiskManagement(), Changes(), Standards(), Conformity(), PostMarket()];

    private string Audit(AuditRecord record)
    {
        CitedRecords[record.Sequence] = SystemEvidence.Cite(record);
        return "audit #" + record.Sequence.ToString(Inv);
    }

    private string Report(StoredGovernanceReport stored)
    {
        CitedReports[stored.Id] = SystemEvidence.Cite(stored);
        return "report #" + stored.Id.ToString(Inv);
    }

    private static TechnicalFileSection Section(string point, string title, List<TechnicalFileFact> facts, List<TechnicalFileEntry> entries,
        List<string> gaps) =>
        new("annex-iv-" + point, "Annex IV(" + point + ")", title, facts, entries, gaps);

    private TechnicalFileSection General()
    {
        const string record = "system record";
        var facts = new List<TechnicalFileFact>
        {
            new("System", system.Name, record),
            new("System id", system.Id, record),
            new("System version", system.Version, record),
        };
        var gaps = new List<string>();
        foreach (OwnerRole role in Enum.GetValues<OwnerRole>())
        {
            if (system.Owners.GetOwner(role) is { } owner)
            {
                facts.Add(new(role + " owner", owner, record));
            }
            else
            {
                gaps.Add($"the {role.ToString().ToLowerInvariant()} owner is not assigned");
            }
        }

        if (system.ThirdParty is { } vendor)
        {
            facts.Add(new("Third-party component", vendor.Vendor + ": " + vendor.Component, record));
        }

        if (evidence.ModelCard is { } card)
        {
            facts.Add(new("Intended purpose", card.IntendedUse, "model card"));
        }
        else
        {
            gaps.Add("the intended purpose (1(a)): no model card was supplied");
        }

        if (evidence.Classification is { } c)
        {
            facts.Add(new("Risk tier", c.Tier.ToString(), "classification"));
            facts.Add(new("EU AI Act category", c.EuCategory.ToString(), "classification"));
            facts.Add(new("Use case classified", c.UseCaseName, "classification"));
            facts.Add(new("Law version applied", c.Law.Id, "classification"));
            foreach (var match in c.Matches)
            {
                facts.Add(new("Legal basis", match.Citation + ": " + match.Reason, "classification rule " + match.RuleId));
            }
        }
        else
        {
            facts.Add(new("Risk tier", system.RiskTier.ToString(), record));
            gaps.Add("the risk classification and its legal basis: no classification was supplied");
        }

        if (evidence.InventoryEntry is { LastReviewedAt: { } reviewed })
        {
            facts.Add(new("Last inventory review", ReportFormat.Timestamp(reviewed), "inventory"));
        }

        if (_records.LastOrDefault(r => r.EventType is GatesAuditEvents.LifecycleAdvanced or GatesAuditEvents.LifecycleRework) is { } phase
            && JsonRead.String(phase.Payload ?? default, "to") is { } to)
        {
            facts.Add(new("Lifecycle phase", to, Audit(phase)));
        }

        gaps.AddRange(
        [
            "the name of the provider (1(a))",
            "how the system interacts with hardware or software that is not part of it (1(b))",
            "the versions of relevant software or firmware and the requirements on version updates (1(c))",
            "the forms in which the system is placed on the market or put into service (1(d))",
            "the hardware on which the system is intended to run (1(e))",
            "the user interface provided to the deployer (1(g))",
            "the instructions for use for the deployer (1(h))",
        ]);
        return Section("1", "General description and intended purpose", facts, [], gaps);
    }

    private TechnicalFileSection Development()
    {
        var facts = new List<TechnicalFileFact>
        {
            new("Model artifact", artifact.Name + " " + artifact.Version, "model artifact"),
            new("Artifact digest", "sha256:" + artifact.Digest, "model artifact"),
        };
        if (evidence.ModelCard is { } card)
        {
            foreach (var (key, value) in card.DriftBaseline.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                facts.Add(new("Reference data: " + key, value, "model card"));
            }
        }

        var entries = new List<TechnicalFileEntry>();
        foreach (var r in _records)
        {
            var p = r.Payload ?? default;
            if (r.EventType is PipelineEventTypes.StepCompleted or PipelineEventTypes.StepFailed or PipelineEventTypes.RunCancelled)
            {
                var input = JsonRead.Object(p, "input");
                var output = JsonRead.Object(p, "output");
                entries.Add(new(r.Timestamp,
                    $"{JsonRead.String(p, "pipeline")} · {JsonRead.String(p, "component")} {JsonRead.String(p, "componentVersion")}",
                    $"{Artifact(input)} → {(output is { } o ? Artifact(o) : JsonRead.String(p, "failure") ?? "no output")}", Audit(r)));
            }
            else if (r.EventType == GatesAuditEvents.LifecycleEvidenceRecorded)
            {
                entries.Add(new(r.Timestamp, "evidence for " + (JsonRead.String(p, "phase") ?? "a phase"),
                    (JsonRead.String(p, "evidence") ?? "evidence") + (JsonRead.String(p, "evidenceDigest") is { } d ? " sha256:" + d : string.Empty),
                    Audit(r)));
            }
        }

        var gaps = new List<string>
        {
            "the methods and steps of development, including pre-trained systems or third-party tools used (2(a))",
            "the design specifications: general logic, algorithms, key design choices and their rationale (2(b))",
            "the system architecture and the computational resources used to develop, train, test and validate it (2(c))",
            "datasheets of the training data: provenance, scope, main characteristics, labelling and cleaning (2(d))",
            "the pre-determined changes to the system and its performance (2(f))",
            "the cybersecurity measures (2(h))",
        };
        if (!entries.Any(e => e.Source.StartsWith("audit", StringComparison.Ordinal) && e.Subject.Contains('·', StringComparison.Ordinal)))
        {
            gaps.Add("the data lineage (2(d)): no pipeline lineage record names this system or artifact");
        }

        return Section("2", "Development and data (lineage)", facts, entries, gaps);

        static string Artifact(System.Text.Json.JsonElement? element) => element is { } e
            ? $"{JsonRead.String(e, "name")} {JsonRead.String(e, "version")}"
                + (JsonRead.String(e, "digest") is { } d ? " sha256:" + d : string.Empty)
            : "—";
    }

    private TechnicalFileSection Functioning()
    {
        var facts = new List<TechnicalFileFact>();
        var gaps = new List<string>();
        if (evidence.ModelCard is { } card)
        {
            foreach (var (name, gate) in card.Performance.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var e = gate.Estimate;
                facts.Add(new("Performance: " + name, I(
                    $"{e.Metric} {ReportFormat.Number(e.IsDefined ? e.Estimate : null)} {ReportFormat.Interval(Finite(e.Lower), Finite(e.Upper))} ")
                    + I($"on {e.SampleSize} examples; threshold {ReportFormat.Number(gate.Threshold)}: {gate.Verdict}"), "model card"));
            }

            foreach (var g in card.Fairness)
            {
                facts.Add(new("Group: " + g.Group, I(
                    $"n = {g.Count}; selection rate {ReportFormat.Percent(g.SelectionRate)}; TPR {ReportFormat.Percent(g.TruePositiveRate)}; ")
                    + I($"FPR {ReportFormat.Percent(g.FalsePositiveRate)}; accuracy {ReportFormat.Percent(g.Accuracy)}"), "model card"));
            }

            foreach (var limitation in card.Limitations)
            {
                facts.Add(new("Known limitation", limitation, "model card"));
            }

            if (card.Fairness.Count == 0)
            {
                gaps.Add("the degrees of accuracy for the specific persons or groups on which the system is intended to be used (3)");
            }
        }
        else
        {
            gaps.Add("the capabilities and limitations in performance, and accuracy by group (3): no model card was supplied");
        }

        var oversight = _reports.Where(r => r.Report.Kind == GovernanceReportKinds.Oversight).ToList();
        if (oversight.Count > 0)
        {
            var latest = oversight[^1];
            var finding = results.Oversight.LastOrDefault(o => o.ReportId == latest.Id);
            if (finding is not null)
            {
                facts.Add(new("Human oversight: override rate (latest)", I(
                    $"{ReportFormat.Percent(finding.OverrideRate)} of {ReportFormat.Number(finding.ReviewCount)} reviews on ")
                    + ReportFormat.Date(finding.At), Report(latest)));
                facts.Add(new("Human oversight: warnings (latest)",
                    finding.Warnings.Count == 0 ? "none" : string.Join("; ", finding.Warnings), Report(latest)));
            }

            facts.Add(new("Human oversight: reports on record", oversight.Count.ToString(Inv) + ", "
                + results.Oversight.Sum(o => o.Warnings.Count).ToString(Inv) + " warnings in all", "report history"));
        }
        else
        {
            gaps.Add("the measured effectiveness of human oversight (3): no oversight report is stored for this system");
        }

        gaps.Add("the human oversight measures built in (Article 14), including those that help deployers interpret the outputs (3)");
        gaps.Add("the foreseeable unintended outcomes and sources of risk to health, safety and fundamental rights (3)");
        gaps.Add("the specifications on input data (3)");
        return Section("3", "Monitoring, functioning and control", facts, [], gaps);
    }

    private static string I(FormattableString text) => text.ToString(Inv);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private TechnicalFileSection Metrics()
    {
        var facts = new List<TechnicalFileFact>();
        if (evidence.ModelCard is { } card)
        {
            foreach (var (name, gate) in card.Performance.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                facts.Add(new("Metric: " + name, I($"{gate.Estimate.Metric}, gate threshold {ReportFormat.Number(gate.Threshold)} at ")
                    + I($"{ReportFormat.Percent(gate.ConfidenceLevel)} confidence ({gate.Estimate.IntervalMethod})"), "model card"));
            }
        }

        var entries = new List<TechnicalFileEntry>();
        foreach (var r in _records.Where(r => r.EventType == GatesAuditEvents.MilestoneAttempt))
        {
            var p = r.Payload ?? default;
            entries.Add(new(r.Timestamp, $"{JsonRead.String(p, "milestone")}: {JsonRead.String(p, "metric")}",
                $"estimate {ReportFormat.Number(JsonRead.Number(p, "estimate"))} "
                + $"{ReportFormat.Interval(JsonRead.Number(p, "lower"), JsonRead.Number(p, "upper"))}, threshold "
                + $"{ReportFormat.Number(JsonRead.Number(p, "threshold"))}: {JsonRead.String(p, "decision")}", Audit(r)));
        }

        var gaps = new List<string> { "why the performance metrics are appropriate for the system (4)" };
        if (facts.Count + entries.Count == 0)
        {
            gaps.Add("the performance metrics in use: no model card and no performance-gate attempt on record");
        }

        return Section("4", "Performance metrics", facts, entries, gaps);
    }

    private TechnicalFileSection RiskManagement()
    {
        var facts = new List<TechnicalFileFact>();
        var gaps = new List<string>
        {
            "the risk management system (Article 9): risks identified and estimated, mitigation measures and residual risks (5)",
        };
        if (evidence.Classification is { } c)
        {
            facts.AddRange(c.RequiredControls.Select(x => new TechnicalFileFact("Required control", x, "classification")));
            facts.AddRange(c.RequiredDocumentation.Select(x => new TechnicalFileFact("Required documentation", x, "classification")));
            foreach (var duty in c.Duties)
            {
                facts.Add(new("Duty " + duty.Citation + " (" + duty.Role + ")", duty.Duty + ": " + duty.Check
                    + (duty.CheckDetail is { } detail ? " — " + detail : string.Empty), "classification"));
            }
        }
        else
        {
            gaps.Add("the controls and duties the classification requires: no classification was supplied");
        }

        if (evidence.ModelCard is { } card)
        {
            facts.Add(new("Model card risk", card.Risk.Tier + " (" + card.Risk.Category + "): " + string.Join("; ", card.Risk.Citations),
                "model card"));
        }

        return Section("5", "Risk management", facts, [], gaps);
    }

    private TechnicalFileSection Changes()
    {
        var entries = new List<TechnicalFileEntry>();
        foreach (var r in _records)
        {
            var p = r.Payload ?? default;
            if (r.EventType.StartsWith("gate.", StringComparison.Ordinal) && r.EventType.EndsWith(".decided", StringComparison.Ordinal))
            {
                var approvals = JsonRead.Array(p, "approvals").Select(a =>
                    $"{JsonRead.String(a, "kind")} by {JsonRead.String(a, "reviewer")} ({JsonRead.String(a, "role")}, key "
                    + $"{JsonRead.String(a, "keyId")}, valid until {JsonRead.String(a, "expiresAt")})").ToList();
                var allowed = JsonRead.Boolean(p, "allowed") == true;
                entries.Add(new(r.Timestamp, $"{JsonRead.String(p, "gate") ?? r.EventType} gate ({JsonRead.String(p, "environment")}): "
                    + (allowed ? "allowed" : "blocked"),
                    (approvals.Count > 0 ? "approvals: " + string.Join("; ", approvals) : "no approval")
                    + (JsonRead.Strings(p, "missing") is { Count: > 0 } missing ? "; missing: " + string.Join(", ", missing) : string.Empty)
                    + $"; artifact sha256:{r.ArtifactDigest}; by {r.Actor}", Audit(r)));
            }
            else if (r.EventType is GatesAuditEvents.LifecycleAdvanced or GatesAuditEvents.LifecycleRework
                or GatesAuditEvents.LifecycleAdvanceRefused or GatesAuditEvents.LifecycleReworkRefused)
            {
                entries.Add(new(r.Timestamp, r.EventType + ": " + (JsonRead.String(p, "phase") ?? "?") + " → " + (JsonRead.String(p, "to") ?? "?"),
                    string.Join("; ", JsonRead.Strings(p, "reasons").Concat(JsonRead.Strings(p, "missing"))) is { Length: > 0 } why ? why : "—",
                    Audit(r)));
            }
        }

        List<string> gaps = entries.Count == 0
            ? ["the changes made to the system over its lifecycle (6): no gate decision or lifecycle transition is recorded"]
            : [];
        return Section("6", "Changes over the lifecycle", [], entries, gaps);
    }

    private TechnicalFileSection Standards()
    {
        var facts = evidence.StandardsApplied.Select(s => new TechnicalFileFact("Standard applied", s, "owner declaration")).ToList();
        List<string> gaps = facts.Count == 0
            ? ["the harmonised standards or common specifications applied, or the solutions adopted instead (7)"]
            : [];
        return Section("7", "Standards applied", facts, [], gaps);
    }

    private static TechnicalFileSection Conformity() =>
        Section("8", "EU declaration of conformity", [], [], ["a copy of the EU declaration of conformity (Article 47) (8)"]);

    private TechnicalFileSection PostMarket()
    {
        var facts = new List<TechnicalFileFact>();
        var gaps = new List<string>();
        if (evidence.MonitoringPlan is { } plan)
        {
            foreach (var risk in plan.Risks)
            {
                if (risk.IsGap)
                {
                    gaps.Add($"a monitor for the risk {risk.Risk} ({string.Join(", ", risk.Provisions)}): the monitoring plan has none");
                }
                else
                {
                    facts.Add(new("Monitored risk: " + risk.Risk, string.Join("; ", risk.Monitors.Select(m => m.MonitorId + " — " + m.Description)),
                        "post-market plan"));
                }
            }

            facts.AddRange(plan.Notes.Select(n => new TechnicalFileFact("Plan note", n, "post-market plan")));
        }
        else
        {
            gaps.Add("the post-market monitoring plan (Article 72(3)): none was supplied");
        }

        facts.Add(new("Results period", ReportFormat.Timestamp(results.PeriodStart) + " to " + ReportFormat.Timestamp(results.PeriodEnd),
            "report history"));
        if (results.DriftWindows.Count + results.PerformanceAttempts.Count + results.Oversight.Count + results.Incidents.Count == 0)
        {
            gaps.Add("post-market monitoring results: no drift, performance, oversight or incident record in the period");
        }

        return Section("9", "Post-market monitoring plan and its results", facts, [], gaps);
    }
}
