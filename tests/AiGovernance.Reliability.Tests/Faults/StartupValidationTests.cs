using AiGovernance.Monitoring;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Oversight;
using AiGovernance.Scorecards;
using AiGovernance.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Reliability.Tests.Faults;

/// <summary>Options that are invalid at start-up fail the host before it serves, listing every error at once.</summary>
public class StartupValidationTests
{
    [Fact]
    public void AddOversight_WithManyInvalidOptions_StartupValidatorFailsListingEveryError()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance().AddOversight(o =>
        {
            o.ReviewThreshold = 1.5;
            o.AuditSampleRate = -0.1;
            o.AuditSalt = " ";
            o.ProbabilitySumTolerance = 0.9;
            o.SystemId = "";
            o.Analysis.ConfidenceLevel = 2;
            o.Analysis.LowVolumePercentile = 0.9;
            o.Analysis.HighVolumePercentile = 0.1;
            o.Analysis.TimeZoneId = "Not/AZone";
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var all = string.Join("\n", error.Failures);
        TestContext.Current.TestOutputHelper?.WriteLine(all);
        Assert.Contains(nameof(OversightOptions.ReviewThreshold), all, StringComparison.Ordinal);
        Assert.Contains(nameof(OversightOptions.AuditSampleRate), all, StringComparison.Ordinal);
        Assert.Contains(nameof(OversightOptions.AuditSalt), all, StringComparison.Ordinal);
        Assert.Contains(nameof(OversightOptions.ProbabilitySumTolerance), all, StringComparison.Ordinal);
        Assert.Contains(nameof(OversightOptions.SystemId), all, StringComparison.Ordinal);
        Assert.Contains("ConfidenceLevel", all, StringComparison.Ordinal);
        Assert.Contains("Not/AZone", all, StringComparison.Ordinal);
        Assert.Contains("ercentile", all, StringComparison.Ordinal);
        Assert.Equal(9, error.Failures.Count());
    }

    [Fact]
    public void AddOversight_WithValidOptions_StartupValidatorPasses()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance().AddOversight(o => o.AuditSalt = "salt");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void AddMonitoring_WithManyInvalidOptions_StartupValidatorFailsListingEveryError()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance().AddMonitoring(o =>
        {
            o.DataDrift.Bins = 1;
            o.DataDrift.SignificanceLevel = 0.9;
            o.DataDrift.Correction = (MultipleTestingMethod)7;
            o.PredictionDrift.ClassDistributionThreshold = 2;
            o.ConceptDrift.WindowSize = 0;
            o.ConceptDrift.DegradationThreshold = -1;
            o.VendorSla.Window = TimeSpan.Zero;
            o.VendorSla.MinimumLabelledRecords = 0;
            o.Response.CoolDown = TimeSpan.FromMinutes(-1);
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var all = string.Join("\n", error.Failures);
        TestContext.Current.TestOutputHelper?.WriteLine(all);
        foreach (var setting in new[] { "Bins", "SignificanceLevel", "Correction", "ClassDistributionThreshold", "WindowSize", "DegradationThreshold", "Window", "MinimumLabelledRecords", "CoolDown" })
        {
            Assert.Contains(setting, all, StringComparison.Ordinal);
        }

        Assert.Equal(9, error.Failures.Count());
    }

    [Fact]
    public void AddScorecards_WithManyInvalidOptions_StartupValidatorFailsListingEveryError()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance().AddScorecards(o =>
        {
            o.TechnicalWeight = -0.1;
            o.WeaknessThreshold = 2;
            o.AddMetric("accuracy", ScorecardDimension.Technical, MetricDirection.HigherIsBetter, floor: 0.9, target: 0.5);
            o.AddMetric("roi", ScorecardDimension.Business, MetricDirection.HigherIsBetter, floor: 0, target: 1);
            o.AddMetric("roi", ScorecardDimension.Business, MetricDirection.HigherIsBetter, floor: 0, target: 2);
            o.Literacy.NeedsTrainingThreshold = 1.5;
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var all = string.Join("\n", error.Failures);
        TestContext.Current.TestOutputHelper?.WriteLine(all);
        Assert.Contains(nameof(ScorecardsOptions.TechnicalWeight), all, StringComparison.Ordinal);
        Assert.Contains(nameof(ScorecardsOptions.WeaknessThreshold), all, StringComparison.Ordinal);
        Assert.Contains("Dimension weights must sum to 1; technical -0.1", all, StringComparison.Ordinal);
        Assert.Contains("'accuracy'", all, StringComparison.Ordinal);
        Assert.Contains("'roi' is defined twice", all, StringComparison.Ordinal);
        Assert.Contains("NeedsTrainingThreshold", all, StringComparison.Ordinal);

        // Six invalid settings, six failures, each said once: the negative technical weight fails its [Range] (the generated
        // validator) and, through the sum, the weights rule (the custom validator no longer repeats the [0, 1] range).
        Assert.Equal(6, error.Failures.Count());
    }

    [Fact]
    public void AddMonitoringAndScorecards_WithValidOptions_StartupValidatorPasses()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance().AddMonitoring().AddScorecards();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }
}
