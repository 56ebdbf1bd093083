using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.PostMarket;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Oversight.Analysis;
using AiGovernance.Samples.Extensions.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Samples.Extensions.Tests;

/// <summary>The drift response workflow and oversight warnings raising Art. 73 records through Gates, wired in the
/// application because neither Monitoring nor Oversight may reference Gates.</summary>
public class SeriousIncidentRaisingTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 12, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Build(Action<IncidentRaisingOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        services.AddAiGovernance(b => b.AddSeriousIncidentRaising(configure).AddSeriousIncidentRaising(configure));
        return services.BuildServiceProvider();
    }

    private static DriftEvent Drift(Severity severity) => new()
    {
        SystemId = "credit-scoring", Kind = DriftEventKind.PerformanceTrend, Subject = "approval-rate", Severity = severity,
        Summary = "Approval accuracy fell 12 points in a week.",
    };

    [Fact]
    public async Task CriticalDrift_RaisesAnIncidentInTheSameAuditLog_HighDoesNot()
    {
        using var provider = Build();
        var workflow = provider.GetRequiredService<DriftResponseWorkflow>();
        var register = provider.GetRequiredService<SeriousIncidentRegister>();

        await workflow.HandleAsync(Drift(Severity.High), Ct);
        Assert.Empty(await register.ListAsync(Ct));

        var result = await workflow.HandleAsync(Drift(Severity.Critical), Ct);

        Assert.True(Assert.Single(result.Outcomes, o => o.Handler == nameof(DriftIncidentHandler)).Succeeded);
        var incident = Assert.Single(await register.ListAsync(Ct));
        Assert.Equal(("credit-scoring", "monitoring.drift", SeriousIncidentStatus.Open), (incident.SystemId, incident.Source, incident.Status));
        Assert.Equal(Start.AddDays(2), incident.ReportingDeadline);     // not yet assessed: the shortest period (Art. 73(3))
        Assert.Equal("Approval accuracy fell 12 points in a week.", incident.Summary);
        var driftRecord = await provider.GetRequiredService<IAuditLog>().ReadAsync(1, Ct).LastAsync(r => r.EventType == "monitoring.drift.event", Ct);
        Assert.Equal($"audit #{driftRecord.Sequence}", incident.SourceReference);
    }

    [Fact]
    public async Task OversightWarnings_OfTheConfiguredKinds_RaiseIncidents()
    {
        using var provider = Build(o => o.OversightWarningKinds.Remove(OversightWarningKind.AutomationBias));
        var forwarder = provider.GetRequiredService<OversightIncidentForwarder>();

        var raised = await forwarder.ForwardAsync("benefits-triage",
        [
            new OversightWarning(OversightWarningKind.AuditErrorRate, "Audits found 9% of automated refusals wrong (limit 2%).", 0.09, 0.02),
            new OversightWarning(OversightWarningKind.AutomationBias, "Override rate 0.4%.", 0.004, 0.02),
            new OversightWarning(OversightWarningKind.Fatigue, "Override rate falls over the day.", -0.2, 0),
        ], Ct);

        var incident = Assert.Single(raised);
        Assert.Equal(("benefits-triage", "oversight.warning"), (incident.SystemId, incident.Source));
        Assert.StartsWith("AuditErrorRate: Audits found 9%", incident.Summary, StringComparison.Ordinal);
    }

    /// <summary>Gates names the library's monitors by type name (it may not reference them); each name must be a real type.</summary>
    [Fact]
    public void LibraryMonitors_NameRealTypes()
    {
        foreach (var monitor in LibraryMonitors.All)
        {
            var assembly = string.Join('.', monitor.MonitorId.Split('.').Take(2));
            Assert.True(Type.GetType(monitor.MonitorId + ", " + assembly) is not null, $"{monitor.MonitorId} is not a type in {assembly}");
        }
    }
}
