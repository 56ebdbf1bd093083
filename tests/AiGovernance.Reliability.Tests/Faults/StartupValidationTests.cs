using AiGovernance.Oversight;
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
}
