using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Samples.Extensions.Ticketing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Samples.Extensions.Tests;

public class DriftTicketHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (ServiceProvider Provider, FakeTimeProvider Time) Build(Action<IAiGovernanceBuilder> configure)
    {
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAiGovernance(configure);
        return (services.BuildServiceProvider(), time);
    }

    // Default severity policy: PSI > 0.2 is high, > 0.1 medium, otherwise low.
    private static DriftEvent Drift(double psi, string subject = "income") => new()
    {
        SystemId = "credit-scoring",
        Kind = DriftEventKind.DataDrift,
        Subject = subject,
        Psi = psi,
        Summary = $"PSI {psi} on {subject}",
    };

    [Fact]
    public async Task HighDrift_OpensTicket_LowAndMediumDoNot()
    {
        var (provider, _) = Build(b => b.AddDriftTicketing());
        using var _ = provider;
        var workflow = provider.GetRequiredService<DriftResponseWorkflow>();
        var tickets = (InMemoryTicketSystem)provider.GetRequiredService<ITicketSystem>();

        var low = await workflow.HandleAsync(Drift(0.05, "age"), Ct);
        var medium = await workflow.HandleAsync(Drift(0.15, "tenure"), Ct);
        Assert.Equal((Severity.Low, Severity.Medium), (low.Plan.Severity, medium.Plan.Severity));
        Assert.Empty(low.Outcomes);
        Assert.Empty(medium.Outcomes);
        Assert.Empty(tickets.Tickets);

        var high = await workflow.HandleAsync(Drift(0.25), Ct);

        Assert.Equal(Severity.High, high.Plan.Severity);
        var outcome = Assert.Single(high.Outcomes);
        Assert.True(outcome.Succeeded);
        Assert.Equal(nameof(DriftTicketHandler), outcome.Handler);
        var ticket = Assert.Single(tickets.Tickets);
        Assert.Equal(("GOV-1", "ml-governance", Severity.High, Start), (ticket.Id, ticket.Queue, ticket.Priority, ticket.OpenedAt));
        Assert.Equal("[High] DataDrift in credit-scoring (income)", ticket.Title);
        Assert.Contains("PSI 0.25 on income", ticket.Description, StringComparison.Ordinal);
        Assert.Contains("retraining=High", ticket.Description, StringComparison.Ordinal);
        Assert.Contains($"Audit record #{high.AuditSequence}.", ticket.Description, StringComparison.Ordinal);

        // The workflow audited the handler's action.
        var audit = provider.GetRequiredService<IAuditLog>();
        Assert.True((await audit.VerifyAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task RepeatWithinCoolDown_IsSuppressed_EscalationOpensAnotherTicket()
    {
        var (provider, time) = Build(b => b.AddDriftTicketing(o => o.MinimumSeverity = Severity.Medium));
        using var _ = provider;
        var workflow = provider.GetRequiredService<DriftResponseWorkflow>();
        var tickets = (InMemoryTicketSystem)provider.GetRequiredService<ITicketSystem>();

        await workflow.HandleAsync(Drift(0.15), Ct);
        time.Advance(TimeSpan.FromHours(1));
        var repeat = await workflow.HandleAsync(Drift(0.16), Ct);
        var escalation = await workflow.HandleAsync(Drift(0.35), Ct);

        Assert.Equal(DriftDisposition.Suppressed, repeat.Disposition);
        Assert.Equal(DriftDisposition.Escalated, escalation.Disposition);
        Assert.Collection(tickets.Tickets,
            t => Assert.Equal("[Medium] DataDrift in credit-scoring (income)", t.Title),
            t =>
            {
                Assert.Equal("[Critical] DataDrift in credit-scoring (income) escalated from Medium", t.Title);
                Assert.Equal(Start.AddHours(1), t.OpenedAt);
            });
    }

    [Fact]
    public async Task RegisteredTicketSystem_IsUsedInsteadOfTheInMemoryOne()
    {
        var mine = new InMemoryTicketSystem(TimeProvider.System);
        var services = new ServiceCollection();
        services.AddSingleton<ITicketSystem>(mine);
        services.AddAiGovernance(b => b.AddDriftTicketing(o => o.Queue = "fraud-ml"));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DriftResponseWorkflow>().HandleAsync(Drift(0.4), Ct);

        Assert.Equal("fraud-ml", Assert.Single(mine.Tickets).Queue);
    }

    [Fact]
    public void AddDriftTicketing_Twice_RegistersTheHandlerOnce()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddDriftTicketing().AddDriftTicketing());

        Assert.Single(services, d => d.ServiceType == typeof(IDriftResponseHandler));
        Assert.Single(services, d => d.ServiceType == typeof(ITicketSystem));
        Assert.Single(services, d => d.ServiceType == typeof(DriftResponseWorkflow));
    }
}
