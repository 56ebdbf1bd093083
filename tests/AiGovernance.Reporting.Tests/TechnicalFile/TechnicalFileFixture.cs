using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Incidents;
using AiGovernance.Reporting.Tests.Drift;

namespace AiGovernance.Reporting.Tests.TechnicalFile;

/// <summary>A high-risk system's history written through the library's own components: a real deployment-gate decision with five
/// signed approvals, a lifecycle transition, a performance-gate attempt, a real drift report, an oversight report with a warning and
/// a serious incident, plus another system's records that must be ignored.</summary>
internal sealed class TechnicalFileFixture : IAsyncDisposable
{
    public const string OtherSystem = "other-system";

    private TechnicalFileFixture(ApprovalFixture approvals, IAuditLog audit)
    {
        Approvals = approvals;
        Audit = audit;
        Reports = new InMemoryGovernanceReportStore(audit);
    }

    public ApprovalFixture Approvals { get; }

    public IAuditLog Audit { get; }

    public InMemoryGovernanceReportStore Reports { get; }

    public AiSystem System => Approvals.System();

    public ModelArtifact Artifact => Approvals.Artifact;

    public long GateDecisionSequence { get; private set; }

    public long DriftReportId { get; private set; }

    public long OversightReportId { get; private set; }

    public DateTimeOffset DriftAt { get; private set; }

    /// <summary>Writes the history into <paramref name="auditLogPath"/> (a JSON-lines file log) or into memory.</summary>
    public static async Task<TechnicalFileFixture> CreateAsync(string? auditLogPath = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var approvals = new ApprovalFixture();
        var clock = approvals.Clock;
        IAuditLog log = auditLogPath is null ? new InMemoryAuditLog(clock) : new FileAuditLog(auditLogPath, clock);
        var fixture = new TechnicalFileFixture(approvals, log);
        var gate = new GovernanceGate(approvals.Policy, approvals.Verifier, log, clock);
        var decision = await gate.EvaluateAsync(approvals.Request(await approvals.HighRiskSetAsync()), ct);
        Assert.True(decision.IsAllowed);
        fixture.GateDecisionSequence = log.Head.Sequence;

        clock.Advance(TimeSpan.FromHours(1));
        await log.AppendAsync(new AuditEvent(GatesAuditEvents.LifecycleAdvanced, "ops", "credit-scoring",
            payload: JsonSerializer.SerializeToElement(new { phase = "Validation", to = "Deployment" })), ct);
        await log.AppendAsync(new AuditEvent(GatesAuditEvents.MilestoneAttempt, "ci", "credit-scoring", approvals.Artifact.Digest,
            JsonSerializer.SerializeToElement(new
            {
                milestone = "f1", metric = "F1", estimate = 0.91, lower = 0.89, upper = 0.93, threshold = 0.85, decision = "Go",
            })), ct);
        await log.AppendAsync(new AuditEvent(GatesAuditEvents.LifecycleAdvanced, "ops", OtherSystem,
            payload: JsonSerializer.SerializeToElement(new { phase = "Validation", to = "Retired" })), ct);

        clock.Advance(TimeSpan.FromDays(7));
        fixture.DriftAt = clock.GetUtcNow();
        var (drift, _, _) = DriftFixtures.Build(400);
        var stored = await fixture.Reports.StoreAsync(new GovernanceReport("credit-scoring", GovernanceReportKinds.Drift, fixture.DriftAt,
            JsonDocument.Parse(drift.ToJson()).RootElement), "drift-job", ct);
        fixture.DriftReportId = stored.Id;

        clock.Advance(TimeSpan.FromHours(1));
        var oversight = JsonSerializer.SerializeToElement(new
        {
            reviewCount = 1200,
            overall = new { events = 18, trials = 1200 },
            warnings = new[] { new { kind = "AutomationBias", message = "Overrides fell to 1.5 % <b>in week 12</b>." } },
        });
        fixture.OversightReportId = (await fixture.Reports.StoreAsync(new GovernanceReport("credit-scoring", GovernanceReportKinds.Oversight,
            clock.GetUtcNow(), oversight), "oversight-job", ct)).Id;
        await fixture.Reports.StoreAsync(new GovernanceReport(OtherSystem, GovernanceReportKinds.Drift, clock.GetUtcNow(),
            JsonDocument.Parse(drift.ToJson()).RootElement), "drift-job", ct);

        clock.Advance(TimeSpan.FromHours(1));
        using var register = new SeriousIncidentRegister(log, clock);
        await register.RaiseAsync(new IncidentSignal
        {
            SystemId = "credit-scoring", Source = "complaints", Summary = "Applicants of one region declined for two days.",
            ObservedAt = clock.GetUtcNow(), Severity = Severity.High,
        }, ct);
        clock.Advance(TimeSpan.FromDays(1));
        return fixture;
    }

    public async Task<List<AuditRecord>> RecordsAsync()
    {
        var records = new List<AuditRecord>();
        await foreach (var record in Audit.ReadAsync(1, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    public ValueTask DisposeAsync()
    {
        Approvals.Dispose();
        (Audit as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
