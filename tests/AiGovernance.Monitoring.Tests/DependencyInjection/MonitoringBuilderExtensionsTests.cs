using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Responses;
using AiGovernance.Monitoring.Trends;
using AiGovernance.Monitoring.VendorSla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiGovernance.Monitoring.Tests.DependencyInjection;

public class MonitoringBuilderExtensionsTests
{
    internal sealed class AlertHandler : IDriftResponseHandler
    {
        public List<DriftResponseContext> Received { get; } = [];

        public Severity MinimumSeverity => Severity.Medium;

        public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
        {
            Received.Add(context);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public void AddMonitoring_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddMonitoring().AddDriftResponseHandler<AlertHandler>());
        var count = services.Count;
        services.AddAiGovernance(b => b.AddMonitoring().AddDriftResponseHandler<AlertHandler>());

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(DriftResponseWorkflow));
        Assert.Single(services, d => d.ServiceType == typeof(IDriftResponseHandler));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<MonitoringOptions>)));
    }

    [Fact]
    public async Task AddMonitoring_ResolvesWorkflowWithHandlersAndClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddAiGovernance(b => b.AddMonitoring(o => o.Response.CoolDown = TimeSpan.FromMinutes(30)).AddDriftResponseHandler<AlertHandler>())
            .AddSingleton<AlertHandler>()
            .BuildServiceProvider();

        var workflow = provider.GetRequiredService<DriftResponseWorkflow>();
        var drift = new DriftEvent { SystemId = "s", Psi = 0.25 };
        var ct = TestContext.Current.CancellationToken;
        await workflow.HandleAsync(drift, ct);
        time.Advance(TimeSpan.FromMinutes(31));
        var second = await workflow.HandleAsync(drift, ct);

        Assert.Equal(DriftDisposition.Dispatched, second.Disposition);
        Assert.Equal(2, second.AuditSequence - 1); // event, action, event
        Assert.Equal(4, ((InMemoryAuditLog)provider.GetRequiredService<IAuditLog>()).Count);
        Assert.NotNull(provider.GetRequiredService<ConceptDriftDetector>());
        Assert.NotNull(provider.GetRequiredService<VendorMonitorFactory>());
        Assert.NotNull(provider.GetRequiredService<AiGovernance.Monitoring.Drift.PredictionDriftDetector>());
        var detector = provider.GetRequiredService<AiGovernance.Monitoring.Drift.DataDriftDetector>();
        var report = detector.Compare(detector.Fit(Drift.SyntheticDrift.Reference(100, 1)), Drift.SyntheticDrift.Drifted(100, 2));
        Assert.Equal(time.GetUtcNow(), report.GeneratedAt);
    }

    [Fact]
    public void AddMonitoring_BindsConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:Severity:CriticalPsi"] = "0.5",
            ["Monitoring:ConceptDrift:WindowSize"] = "6",
            ["Monitoring:Response:CoolDown"] = "02:00:00",
            ["Monitoring:VendorSla:Window"] = "3.00:00:00",
            ["Monitoring:DataDrift:Correction"] = "Holm",
            ["Monitoring:DataDrift:DriftShareThreshold"] = "0.3",
            ["Monitoring:DataDrift:ColumnMethods:income"] = "NormalizedWasserstein",
        }).Build();
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddMonitoring(configuration.GetSection("Monitoring")))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MonitoringOptions>>().Value;

        Assert.Equal(0.5, options.Severity.CriticalPsi);
        Assert.Equal(6, options.ConceptDrift.WindowSize);
        Assert.Equal(TimeSpan.FromHours(2), options.Response.CoolDown);
        Assert.Equal(TimeSpan.FromDays(3), options.VendorSla.Window);
        Assert.Equal(AiGovernance.Statistics.MultipleTestingMethod.Holm, options.DataDrift.Correction);
        Assert.Equal(0.3, options.DataDrift.DriftShareThreshold);
        Assert.Equal(AiGovernance.Monitoring.Drift.DriftMethod.NormalizedWasserstein, options.DataDrift.ColumnMethods["income"]);
        Assert.Equal(Severity.High, provider.GetRequiredService<DriftSeverityPolicy>().Classify(0.45, 0));
    }

    [Fact]
    public void AddMonitoring_ThresholdsOutOfOrder_FailsOnStart()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddMonitoring(o => o.Severity.HighPsi = 0.5))
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("PSI thresholds must be ordered", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Monitoring:Severity:MediumDegradation", "1.5")]
    [InlineData("Monitoring:ConceptDrift:WindowSize", "0")]
    [InlineData("Monitoring:VendorSla:SignificanceLevel", "0.9")]
    [InlineData("Monitoring:VendorSla:MinimumLabelledRecords", "0")]
    [InlineData("Monitoring:Response:CoolDown", "-01:00:00")]
    [InlineData("Monitoring:Response:HandlerTimeout", "00:00:00")]
    [InlineData("Monitoring:Response:HandlerTimeout", "-00:00:05")]
    [InlineData("Monitoring:VendorSla:Window", "00:00:00")]
    [InlineData("Monitoring:DataDrift:DriftShareThreshold", "1.5")]
    [InlineData("Monitoring:DataDrift:MaxDegreeOfParallelism", "0")]
    public void AddMonitoring_OutOfRangeSetting_FailsValidation(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddMonitoring(configuration.GetSection("Monitoring")))
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitoringOptions>>().Value);
    }

    [Fact]
    public void AddMonitoring_Null_NamesArgument()
    {
        var builder = new ServiceCollection().AddAiGovernance();
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.AddMonitoring((Action<MonitoringOptions>)null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IAiGovernanceBuilder)null!).AddMonitoring()).ParamName);
    }

    [Fact]
    public void AddMonitoring_SeveralInvalidOptions_StartupListsEveryError()
    {
        var services = new ServiceCollection().AddAiGovernance(b => b.AddMonitoring(o =>
        {
            o.Severity.HighPsi = 0.5;
            o.ConceptDrift.WindowSize = 0;
            o.Response.HandlerTimeout = TimeSpan.Zero;
            o.VendorSla.Window = TimeSpan.Zero;
        }));

        var failures = StartupValidation.Failures(services);

        Assert.Contains(failures, f => f.Contains("PSI thresholds must be ordered", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("WindowSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HandlerTimeout", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Window", StringComparison.Ordinal) && f.Contains("VendorSla", StringComparison.Ordinal));
    }

#pragma warning disable CS0618 // The obsolete names are what these tests are about.
    [Fact]
    public void AddDriftMonitoring_ObsoleteNames_ForwardToAddMonitoring()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:Severity:CriticalPsi"] = "0.4",
        }).Build();
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddDriftMonitoring().AddDriftMonitoring(o => o.Severity.HighPsi = 0.25)
            .AddDriftMonitoring(configuration.GetSection("Monitoring")));
        var count = services.Count;
        services.AddAiGovernance(b => b.AddMonitoring());

        Assert.Equal(count, services.Count);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<MonitoringOptions>>().Value;
        Assert.Equal(0.25, options.Severity.HighPsi);
        Assert.Equal(0.4, options.Severity.CriticalPsi);
    }
#pragma warning restore CS0618
}
