using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Gates.Tests.Incidents;

public class SeriousIncidentRegisterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly string _directory = Directory.CreateTempSubdirectory("incidents-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static IncidentSignal Signal(DateTimeOffset observedAt) => new()
    {
        SystemId = "credit-scoring", Source = "monitoring.drift", Summary = "Critical PSI 0.41 on income.", ObservedAt = observedAt,
        Severity = Severity.Critical, SourceReference = "audit #17",
    };

    [Fact]
    public async Task Raise_UnassessedSignal_GetsTheShortestPeriodFromTheObservation()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);

        var incident = await register.RaiseAsync(Signal(Start.AddHours(-3)), Ct);

        Assert.Equal(SeriousIncidentStatus.Open, incident.Status);
        Assert.False(incident.IsAssessed);
        Assert.Equal(Start.AddHours(-3), incident.AwareAt);
        Assert.Equal(Start.AddHours(-3).AddDays(2), incident.ReportingDeadline);
        Assert.Equal("EU AI Act Art. 73(3)", incident.ReportingPeriod.Citation);
        Assert.Equal("incident-1", incident.Id);
        Assert.Equal("audit #17", incident.SourceReference);
    }

    [Fact]
    public async Task Raise_ObservationInTheFuture_StartsTheClockAtTheRaise()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var incident = await register.RaiseAsync(Signal(Start.AddDays(1)), Ct);
        Assert.Equal(Start, incident.AwareAt);
    }

    [Fact]
    public async Task Assess_Death_GivesTenDaysFromAwareness()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var raised = await register.RaiseAsync(Signal(Start), Ct);
        _clock.Advance(TimeSpan.FromHours(20));

        var assessed = await register.AssessAsync(raised.Id, new SeriousIncidentAssessment
        {
            Harms = [SeriousIncidentHarm.Death], Actor = "risk-officer", AwareAt = Start.AddHours(4),
        }, Ct);

        Assert.True(assessed.IsAssessed);
        Assert.Equal(Start.AddHours(4).AddDays(10), assessed.ReportingDeadline);
        Assert.Equal("EU AI Act Art. 73(4)", assessed.ReportingPeriod.Citation);
        Assert.Equal([1L, 2L], assessed.AuditSequences);
    }

    [Fact]
    public async Task Assess_WithoutHarm_IsRefused()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var raised = await register.RaiseAsync(Signal(Start), Ct);

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await register.AssessAsync(raised.Id, new SeriousIncidentAssessment { Harms = [], Actor = "x" }, Ct));
    }

    [Fact]
    public async Task Assess_AwarenessInTheFuture_IsRefused()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var raised = await register.RaiseAsync(Signal(Start), Ct);

        await Assert.ThrowsAsync<ArgumentException>(async () => await register.AssessAsync(raised.Id, new SeriousIncidentAssessment
        {
            Harms = [SeriousIncidentHarm.SeriousHarmToHealth], Actor = "x", AwareAt = Start.AddDays(1),
        }, Ct));
    }

    [Fact]
    public async Task Overdue_OnlyOpenRecordsPastTheirDeadline()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var late = await register.RaiseAsync(Signal(Start), Ct);
        var reported = await register.RaiseAsync(Signal(Start), Ct);
        var dismissed = await register.RaiseAsync(Signal(Start), Ct);
        var assessed = await register.RaiseAsync(Signal(Start), Ct);
        await register.RecordReportAsync(reported.Id, "Autorité de surveillance du marché (FR)", isComplete: false, "dpo", Ct);
        await register.DismissAsync(dismissed.Id, "No harm under Art. 3(49): the drift was caught before any decision.", "risk-officer", Ct);
        await register.AssessAsync(assessed.Id, new SeriousIncidentAssessment { Harms = [SeriousIncidentHarm.PropertyOrEnvironmentHarm], Actor = "x" }, Ct);

        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var overdue = await register.GetOverdueAsync(Ct);

        Assert.Equal([late.Id], overdue.Select(i => i.Id));
        _clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal([late.Id, assessed.Id], (await register.GetOverdueAsync(Ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task Transitions_AfterDismissal_AreRefused()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var raised = await register.RaiseAsync(Signal(Start), Ct);
        await register.DismissAsync(raised.Id, "not serious", "x", Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await register.RecordReportAsync(raised.Id, "MSA", true, "x", Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await register.DismissAsync("incident-99", "r", "x", Ct));
    }

    [Fact]
    public async Task Records_LiveInTheAuditLog_AndSurviveARestartOfAFileLog()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        string id;
        {
            using var log = new FileAuditLog(path, _clock);
            using var register = new SeriousIncidentRegister(log, _clock);
            id = (await register.RaiseAsync(Signal(Start), Ct)).Id;
            await register.AssessAsync(id, new SeriousIncidentAssessment
            {
                Harms = [SeriousIncidentHarm.FundamentalRightsInfringement], IsWidespreadInfringement = true, Actor = "risk-officer",
            }, Ct);
            await register.RecordReportAsync(id, "Bundesnetzagentur", isComplete: true, "dpo", Ct);
        }

        using var reopened = new FileAuditLog(path, _clock);
        Assert.True((await reopened.VerifyAsync(Ct)).IsValid);
        using var again = new SeriousIncidentRegister(reopened, _clock);
        var incident = Assert.Single(await again.ListAsync(Ct));

        Assert.Equal(id, incident.Id);
        Assert.Equal(SeriousIncidentStatus.Reported, incident.Status);
        Assert.True(incident.IsWidespreadInfringement);
        Assert.Equal(TimeSpan.FromDays(2), incident.ReportingPeriod.Period);
        var report = Assert.Single(incident.Reports);
        Assert.Equal(("Bundesnetzagentur", true, "dpo"), (report.Authority, report.IsComplete, report.Actor));
        var types = new List<string>();
        await foreach (var record in reopened.ReadAsync(1, Ct))
        {
            types.Add(record.EventType);
        }

        Assert.Equal([GatesAuditEvents.IncidentRaised, GatesAuditEvents.IncidentAssessed, GatesAuditEvents.IncidentReported], types);
    }

    [Fact]
    public async Task Raise_LongSummary_IsCut()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var incident = await register.RaiseAsync(Signal(Start) with { Summary = new string('x', 5000) }, Ct);
        Assert.Equal(SeriousIncidentRegister.MaxTextLength, incident.Summary.Length);
    }

    [Fact]
    public async Task Raise_EmptySummary_NamesTheSignal()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await register.RaiseAsync(Signal(Start) with { Summary = " " }, Ct));
        Assert.Equal("signal", ex.ParamName);
    }

    [Fact]
    public async Task ConcurrentRaises_EachGetTheirOwnRecord()
    {
        using var register = new SeriousIncidentRegister(new InMemoryAuditLog(_clock), _clock);
        var raised = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => register.RaiseAsync(Signal(Start) with { Summary = "s" + i }, Ct).AsTask()));

        Assert.Equal(20, raised.Select(i => i.Id).Distinct().Count());
        Assert.Equal(20, (await register.ListAsync(Ct)).Count);
    }
}
