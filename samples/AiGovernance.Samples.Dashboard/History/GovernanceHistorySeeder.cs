using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Dashboard;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using AiGovernance.Gates.Lifecycle;
using AiGovernance.Gates.Milestones;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;
using AiGovernance.Scorecards;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Samples.Dashboard.History;

/// <summary>Writes a year of governance history for the three <see cref="SyntheticSystem"/>s through the library's own
/// components — the drift detector, the governance gate with really signed approvals, the lifecycle, the milestone tracker, the
/// override analyzer, the balanced scorecard, the incident register — into the stores registered in DI, moving the clock week by
/// week so every record carries its time.</summary>
public static class GovernanceHistorySeeder
{
    /// <summary>Weeks of history.</summary>
    public const int Weeks = 52;

    /// <summary>The rollout of the credit scorer's version 3.2.0, staged in the last weeks.</summary>
    public const string CreditRollout = "credit-scoring-3.2.0";

    /// <summary>The note of the seeded acknowledgement: HTML the dashboard must show as text.</summary>
    public const string HostileNote = "<b>Checked</b> with the team <img src=x onerror=alert(1)>";

    private const string Environment = "production";

    /// <summary>Seeds the history ending at <paramref name="end"/>.</summary>
    /// <param name="services">The application's services (AddGates, AddDashboard and the stores registered).</param>
    /// <param name="moveTo">Sets the application's clock; called with increasing times.</param>
    /// <param name="end">When the history ends (the last window).</param>
    /// <param name="cancellationToken">Cancels seeding.</param>
    /// <returns>What was seeded.</returns>
    public static async Task<SeededHistory> SeedAsync(IServiceProvider services, Action<DateTimeOffset> moveTo, DateTimeOffset end,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(moveTo);
        var seeding = new Seeding(services, moveTo, end - TimeSpan.FromDays(7 * Weeks), end);
        return await seeding.RunAsync(cancellationToken);
    }

    private sealed class Seeding(IServiceProvider services, Action<DateTimeOffset> moveTo, DateTimeOffset start, DateTimeOffset end)
    {
        private readonly IAuditLog _audit = services.GetRequiredService<IAuditLog>();
        private readonly IGovernanceReportStore _reports = services.GetRequiredService<IGovernanceReportStore>();
        private readonly GovernanceGate _gate = services.GetRequiredService<GovernanceGate>();
        private readonly TrustedReviewerKeyRegistry _keys = services.GetRequiredService<TrustedReviewerKeyRegistry>();
        private readonly IAiInventory _inventory = services.GetRequiredService<IAiInventory>();
        private readonly RiskClassifier _classifier = services.GetRequiredService<RiskClassifier>();
        private readonly SeriousIncidentRegister _incidents = services.GetRequiredService<SeriousIncidentRegister>();
        private readonly IRolloutStateStore _rollouts = services.GetRequiredService<IRolloutStateStore>();
        private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();
        private readonly Dictionary<string, EcdsaApprovalSigner> _signers = new(StringComparer.Ordinal);
        private readonly SeededHistory _seeded = new() { Start = start, End = end };

        public async Task<SeededHistory> RunAsync(CancellationToken cancellationToken)
        {
            var detector = new DataDriftDetector();
            var tracker = new MilestoneTracker(_audit, _time);
            var states = new List<SystemState>();
            foreach (var (system, index) in SyntheticSystem.All.Select((s, i) => (s, i)))
            {
                var state = new SystemState(system, detector.Fit(system.Reference(seed: 17 + index)),
                    new AiLifecycle(system.System.Id, new LifecycleOptions(), _audit, _time));
                tracker.AddAdaptive(system.System.Id + "-f1", "F1 on the hold-out set",
                    new PerformanceGate(new PerformanceGateOptions { Metric = PerformanceMetric.F1, Threshold = 0.8, BootstrapResamples = 500 }));
                states.Add(state);
            }

            for (var week = 0; week < Weeks; week++)
            {
                var weekStart = Week(week);
                foreach (var (state, index) in states.Select((s, i) => (s, i)))
                {
                    var id = state.System.System.Id;
                    // Each system has its own eight hours of the week's first day, so the clock only moves forward.
                    var slot = weekStart.AddHours(8 * index);
                    await OnboardingAsync(state, week, slot, cancellationToken);
                    var at = slot.AddHours(5);
                    moveTo(at);
                    var window = state.System.Window(seed: 17 + index, week);
                    var drift = await detector.CompareAsync(state.Reference, window, cancellationToken: cancellationToken);
                    await StoreAsync(id, GovernanceReportKinds.Drift, at, drift.ToJson(), "drift-job", cancellationToken);
                    if (state.System.System.RiskTier >= RiskTier.Medium)
                    {
                        moveTo(at.AddHours(1));
                        await StoreAsync(id, GovernanceReportKinds.Oversight, at.AddHours(1), OversightJson(index, week, at), "oversight-job",
                            cancellationToken);
                    }

                    if (week % 4 == 3)
                    {
                        moveTo(at.AddHours(2));
                        await StoreAsync(id, GovernanceReportKinds.Scorecard, at.AddHours(2), ScorecardJson(state.System.System, week), "scorecard-job",
                            cancellationToken);
                    }
                }

                await MilestonesAsync(states, tracker, week, weekStart.AddDays(2), cancellationToken);
            }

            moveTo(end);
            return _seeded;
        }

        private DateTimeOffset Week(int week) => start + TimeSpan.FromDays(7 * week);

        private async Task OnboardingAsync(SystemState state, int week, DateTimeOffset weekStart, CancellationToken cancellationToken)
        {
            var system = state.System.System;
            var owner = system.Owners.BusinessOwner!;
            switch (week)
            {
                case 0:
                    moveTo(weekStart.AddHours(1));
                    var classification = _classifier.Classify(state.System.Profile, DateOnly.FromDateTime(weekStart.UtcDateTime));
                    var classificationJson = ClassificationJson(classification);
                    await StoreAsync(system.Id, "classification", weekStart.AddHours(1), classificationJson, owner, cancellationToken);
                    await _inventory.UpsertAsync(AiInventoryEntry.FromSystem(system) with { Product = system.ThirdParty is null ? null : "FraudShield" },
                        cancellationToken);
                    var useCase = ModelArtifact.FromBytes(system.Id + "-use-case", "1", Encoding.UTF8.GetBytes(state.System.Profile.ToString()));
                    await Evidence(state, cancellationToken, ("approved-use-case", useCase.Digest), ("risk-classification", Digest(classificationJson)),
                        ("data-strategy", Digest(system.Id + " data strategy")));
                    var useCaseDecision = await DecideAsync(GateKind.UseCase, system, useCase, weekStart.AddHours(2), omitKind: null, cancellationToken);
                    await state.Lifecycle.AdvanceAsync(owner, useCaseDecision, cancellationToken);
                    break;
                case 1:
                    moveTo(weekStart.AddHours(1));
                    await Evidence(state, cancellationToken, ("validated-dataset", Digest(system.Id + " dataset v1")),
                        ("dataset-documentation", Digest(system.Id + " datasheet")), ("preprocessing-code", Digest(system.Id + " preprocessing")));
                    await state.Lifecycle.AdvanceAsync(system.Owners.TechnicalOwner!, cancellationToken: cancellationToken);
                    break;
                case 2:
                    moveTo(weekStart.AddHours(1));
                    var model = Model(system, "1.0.0");
                    await Evidence(state, cancellationToken, ("validated-model", model.Digest), ("performance-documentation", Digest(system.Id + " perf")),
                        ("failure-mode-analysis", Digest(system.Id + " fmea")));
                    await state.Lifecycle.AdvanceAsync(system.Owners.TechnicalOwner!, cancellationToken: cancellationToken);
                    await Evidence(state, cancellationToken, ("production-ready-system", model.Digest), ("operational-runbooks", Digest(system.Id + " runbook")),
                        ("incident-response-procedures", Digest(system.Id + " incident response")));
                    var deployment = await DecideAsync(GateKind.Deployment, system, model, weekStart.AddHours(3), omitKind: null, cancellationToken);
                    await state.Lifecycle.AdvanceAsync(system.Owners.OperationsOwner!, deployment, cancellationToken);
                    await _inventory.UpsertAsync(AiInventoryEntry.FromSystem(system, weekStart.AddHours(3))
                        with { Product = system.ThirdParty is null ? null : "FraudShield" }, cancellationToken);
                    break;
                case 10 when system.RiskTier == RiskTier.Low:
                    moveTo(weekStart.AddHours(1));
                    await _inventory.UpsertAsync(AiInventoryEntry.FromSystem(system, weekStart.AddHours(1)), cancellationToken);
                    break;
                case 31 when system.ThirdParty is not null:
                    moveTo(weekStart.AddHours(1));
                    var incident = await _incidents.RaiseAsync(new IncidentSignal
                    {
                        SystemId = system.Id, Source = "fraud-ops", Summary = "Legitimate card payments of one merchant group blocked for 9 hours.",
                        ObservedAt = weekStart, Severity = Severity.High, SuspectedHarms = [SeriousIncidentHarm.PropertyOrEnvironmentHarm],
                    }, cancellationToken);
                    moveTo(weekStart.AddHours(2));
                    await _incidents.AssessAsync(incident.Id, new SeriousIncidentAssessment
                    {
                        Harms = [SeriousIncidentHarm.PropertyOrEnvironmentHarm], Actor = system.Owners.BusinessOwner!,
                    }, cancellationToken);
                    moveTo(weekStart.AddHours(3));
                    await _incidents.RecordReportAsync(incident.Id, "BaFin", isComplete: true, system.Owners.BusinessOwner!, cancellationToken);
                    _seeded.IncidentId = incident.Id;
                    break;
                case 40 when system.RiskTier == RiskTier.High:
                    moveTo(weekStart.AddHours(1));
                    var current = Model(system, "1.0.0");
                    var continuation = await DecideAsync(GateKind.Continuation, system, current, weekStart.AddHours(1), omitKind: null, cancellationToken,
                        lastReviewedAt: Week(2).AddHours(3));
                    if (continuation.IsAllowed)
                    {
                        await _inventory.UpsertAsync(AiInventoryEntry.FromSystem(system, weekStart.AddHours(1)), cancellationToken);
                    }

                    break;
                case 47 when system.RiskTier == RiskTier.High:
                    var candidate = Model(system, system.Version);
                    var requirements = _gate.Policy.GetRequirements(system.RiskTier);
                    await DecideAsync(GateKind.Deployment, system, candidate, weekStart.AddHours(1), requirements[^1].Kind, cancellationToken);
                    var allowed = await DecideAsync(GateKind.Deployment, system, candidate, weekStart.AddHours(3), omitKind: null, cancellationToken);
                    _seeded.CandidateDigest = allowed.ArtifactDigest;
                    break;
                case >= 48 when system.RiskTier == RiskTier.High:
                    await RolloutAsync(system, week, weekStart, cancellationToken);
                    break;
                default:
                    break;
            }
        }

        private async Task MilestonesAsync(List<SystemState> states, MilestoneTracker tracker, int week, DateTimeOffset at, CancellationToken cancellationToken)
        {
            if (week is not (1 or 2 or 46))
            {
                return;
            }

            moveTo(at);
            foreach (var (state, index) in states.Select((s, i) => (s, i)))
            {
                var system = state.System.System;
                var model = Model(system, week == 46 ? system.Version : "1.0.0");
                var accuracy = week == 1 ? 0.78 : 0.9;
                var (truth, predicted) = Labels(2000, accuracy, seed: (week * 31) + index);
                var result = tracker.GetGate(system.Id + "-f1").Evaluate(truth, predicted);
                await tracker.RecordAttemptAsync(system.Id + "-f1", model, Sha256Digest.Compute(Encoding.UTF8.GetBytes($"{system.Id} holdout {week}")),
                    result, cancellationToken);
            }
        }

        private async Task RolloutAsync(AiSystem system, int week, DateTimeOffset weekStart, CancellationToken cancellationToken)
        {
            var at = weekStart.AddHours(4);
            moveTo(at);
            var stage = week - 48;
            var fraction = new[] { 0.05, 0.1, 0.25, 0.5 }[stage];
            var lease = await _rollouts.TryAcquireLeaseAsync(CreditRollout, "seeder", at, TimeSpan.FromMinutes(5), cancellationToken);
            var saved = await _rollouts.TrySaveAsync(new RolloutStateRecord(CreditRollout, RolloutState.Canary, stage, fraction, at,
                $"Stage {stage + 1} of 5: the canary held its error rate and latency.", stage + 1), lease.HolderId, at, cancellationToken);
            if (!saved)
            {
                throw new InvalidOperationException("The seeder could not save the rollout state.");
            }

            await _rollouts.ReleaseLeaseAsync(CreditRollout, "seeder", cancellationToken);
            var canary = new JsonObject
            {
                ["decision"] = stage < 3 ? "ProceedToFullRollout" : "MonitorClosely",
                ["mode"] = "Sequential",
                ["baselineRequests"] = 40_000 - (stage * 5000),
                ["candidateRequests"] = (int)(40_000 * fraction),
                ["reasons"] = new JsonArray(
                    $"Error rate {0.021 + (0.001 * stage):0.000} against the baseline's 0.020: not worse at the 5 % level.",
                    "p95 latency 182 ms against 176 ms: within the 10 % margin."),
            };
            await StoreAsync(system.Id, GovernanceReportKinds.Canary, at.AddMinutes(30), canary.ToJsonString(), "rollout-controller", cancellationToken);
        }

        private async Task<GateDecision> DecideAsync(GateKind kind, AiSystem system, ModelArtifact artifact, DateTimeOffset at, string? omitKind,
            CancellationToken cancellationToken, DateTimeOffset? lastReviewedAt = null)
        {
            moveTo(at);
            var approvals = new List<DsseEnvelope>();
            foreach (var requirement in _gate.Policy.GetRequirements(system.RiskTier))
            {
                if (requirement.Kind == omitKind)
                {
                    continue;
                }

                for (var n = 1; n <= requirement.RequiredReviewers; n++)
                {
                    var role = requirement.AllowedRoles[0];
                    var reviewer = $"{role}-{n}@example.org";
                    approvals.Add(await ApprovalIssuer.SignAsync(new ApprovalStatement(artifact, new ApprovalPredicate
                    {
                        Gate = kind, Kind = requirement.Kind, SystemId = system.Id, Environment = Environment, PolicyVersion = _gate.Policy.Version,
                        ReviewerId = reviewer, ReviewerRole = role, Decision = ApprovalDecision.Approved, IssuedAt = at, ExpiresAt = at.AddDays(180),
                        Nonce = ApprovalPredicate.NewNonce(),
                    }), Signer(reviewer, role), cancellationToken));
                }
            }

            return await _gate.EvaluateAsync(new GateRequest
            {
                Gate = kind, System = system, Artifact = artifact, Environment = Environment, Approvals = approvals, Actor = "release-pipeline",
                LastReviewedAt = lastReviewedAt,
            }, cancellationToken);
        }

        private EcdsaApprovalSigner Signer(string reviewer, string role)
        {
            if (!_signers.TryGetValue(reviewer, out var signer))
            {
                _signers[reviewer] = signer = EcdsaApprovalSigner.Create();
                _keys.Add(new TrustedReviewerKey(reviewer, [role], signer.PublicKey.Span, start.AddDays(-1), end.AddDays(365)));
            }

            return signer;
        }

        private static async Task Evidence(SystemState state, CancellationToken cancellationToken, params (string Name, Sha256Digest Digest)[] items)
        {
            foreach (var (name, digest) in items)
            {
                await state.Lifecycle.RecordEvidenceAsync(new EvidenceItem(name, digest), state.System.System.Owners.TechnicalOwner!, cancellationToken);
            }
        }

        private async Task StoreAsync(string systemId, string kind, DateTimeOffset at, string json, string actor, CancellationToken cancellationToken)
        {
            using var document = JsonDocument.Parse(json);
            var stored = await _reports.StoreAsync(new GovernanceReport(systemId, kind, at, document.RootElement), actor, cancellationToken);
            if (kind == GovernanceReportKinds.Oversight && systemId == "credit-scoring" && at > end.AddDays(-14) && _seeded.AcknowledgedReportId is null
                && document.RootElement.GetProperty("warnings").GetArrayLength() > 0)
            {
                var payload = JsonSerializer.SerializeToElement(new JsonObject
                {
                    ["reportId"] = stored.Id, ["warning"] = 0,
                    ["kind"] = document.RootElement.GetProperty("warnings")[0].GetProperty("kind").GetString(), ["note"] = HostileNote,
                });
                await _audit.AppendAsync(new AuditEvent(DashboardAuditEvents.WarningAcknowledged, "maria.keller", systemId, payload: payload), cancellationToken);
                _seeded.AcknowledgedReportId = stored.Id;
            }
        }

        private static string OversightJson(int system, int week, DateTimeOffset at)
        {
            // Reviewers override the AI less and less through the year: automation bias and rubber-stamping emerge.
            var random = new Random((system * 7919) + week);
            var overrideRate = Math.Max(0.004, 0.12 - (week * 0.0025));
            var reviews = new List<ReviewRecord>(420);
            for (var i = 0; i < 420; i++)
            {
                var started = at.AddMinutes(i * 20);
                var ai = random.NextDouble() < 0.5 ? "approve" : "decline";
                var final = random.NextDouble() < overrideRate ? (ai == "approve" ? "decline" : "approve") : ai;
                reviews.Add(new ReviewRecord($"case-{week}-{i}", $"reviewer-{i % 6}", ReviewKind.Routed, started, started.AddMinutes(2), started.AddMinutes(4),
                    final, 0.7, ai, 0.55 + (0.4 * random.NextDouble()), final));
            }

            var report = OverrideAnalyzer.Analyze(reviews);
            var warnings = new JsonArray();
            foreach (var w in report.Warnings)
            {
                warnings.Add(new JsonObject { ["kind"] = w.Kind.ToString(), ["message"] = w.Message, ["observed"] = w.Observed, ["threshold"] = w.Threshold });
            }

            var overall = report.Overall is { } o
                ? new JsonObject { ["events"] = o.Events, ["trials"] = o.Trials, ["rate"] = o.Rate, ["lower"] = o.Interval.Lower, ["upper"] = o.Interval.Upper }
                : null;
            return new JsonObject { ["reviewCount"] = report.ReviewCount, ["overall"] = overall, ["warnings"] = warnings }.ToJsonString();
        }

        private static string ScorecardJson(AiSystem system, int week)
        {
            var scorecard = new BalancedScorecard(
            [
                new ScorecardMetric("f1", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, 0.7, 0.9),
                new ScorecardMetric("p95_latency_ms", ScorecardDimension.Technical, MetricDirection.LowerIsBetter, 400, 150),
                new ScorecardMetric("cost_per_decision_eur", ScorecardDimension.Business, MetricDirection.LowerIsBetter, 0.2, 0.05),
                new ScorecardMetric("decisions_automated_share", ScorecardDimension.Business, MetricDirection.HigherIsBetter, 0.3, 0.8),
                new ScorecardMetric("drifted_columns_share", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 0.3, 0.0),
                new ScorecardMetric("override_rate", ScorecardDimension.Risk, MetricDirection.HigherIsBetter, 0.0, 0.08),
                new ScorecardMetric("weekly_active_reviewers", ScorecardDimension.Adoption, MetricDirection.HigherIsBetter, 2, 8),
                new ScorecardMetric("training_completion", ScorecardDimension.Adoption, MetricDirection.HigherIsBetter, 0.5, 1.0),
            ]);
            var t = week / 51.0;
            var report = scorecard.Evaluate(system.Name, "week " + week.ToString(CultureInfo.InvariantCulture),
            [
                new MetricReading("f1", 0.88 - (0.05 * t)), new MetricReading("p95_latency_ms", 180 + (40 * t)),
                new MetricReading("cost_per_decision_eur", 0.09 - (0.02 * t)), new MetricReading("decisions_automated_share", 0.5 + (0.2 * t)),
                new MetricReading("drifted_columns_share", 0.02 + (0.1 * t)), new MetricReading("override_rate", Math.Max(0.004, 0.12 - (week * 0.0025))),
                new MetricReading("weekly_active_reviewers", 6), new MetricReading("training_completion", 0.6 + (0.35 * t)),
            ]);
            return report.ToJson();
        }

        private static string ClassificationJson(RiskClassification classification)
        {
            var matches = new JsonArray();
            foreach (var m in classification.Matches)
            {
                matches.Add(new JsonObject { ["ruleId"] = m.RuleId, ["tier"] = m.Tier.ToString(), ["citation"] = m.Citation, ["reason"] = m.Reason });
            }

            return new JsonObject
            {
                ["useCaseName"] = classification.UseCaseName,
                ["tier"] = classification.Tier.ToString(),
                ["euCategory"] = classification.EuCategory.ToString(),
                ["ruleSetVersion"] = classification.RuleSetVersion,
                ["matches"] = matches,
            }.ToJsonString();
        }

        private static (bool[] Truth, bool[] Predicted) Labels(int count, double accuracy, int seed)
        {
            var random = new Random(seed);
            var truth = new bool[count];
            var predicted = new bool[count];
            for (var i = 0; i < count; i++)
            {
                truth[i] = random.NextDouble() < 0.4;
                predicted[i] = random.NextDouble() < accuracy ? truth[i] : !truth[i];
            }

            return (truth, predicted);
        }

        private static ModelArtifact Model(AiSystem system, string version) =>
            ModelArtifact.FromBytes(system.Id + "-model", version, Encoding.UTF8.GetBytes($"{system.Id} weights {version}"));

        private static Sha256Digest Digest(string text) => Sha256Digest.Compute(Encoding.UTF8.GetBytes(text));
    }

    private sealed record SystemState(SyntheticSystem System, DriftReference Reference, AiLifecycle Lifecycle);
}

/// <summary>What <see cref="GovernanceHistorySeeder"/> wrote, for tests to find.</summary>
public sealed class SeededHistory
{
    /// <summary>The first week.</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>The end of the history.</summary>
    public DateTimeOffset End { get; init; }

    /// <summary>The oversight report whose first warning was acknowledged with <see cref="GovernanceHistorySeeder.HostileNote"/>.</summary>
    public long? AcknowledgedReportId { get; set; }

    /// <summary>The serious incident of the fraud system.</summary>
    public string? IncidentId { get; set; }

    /// <summary>The digest of the credit scorer's candidate approved in week 47.</summary>
    public Sha256Digest CandidateDigest { get; set; }
}
