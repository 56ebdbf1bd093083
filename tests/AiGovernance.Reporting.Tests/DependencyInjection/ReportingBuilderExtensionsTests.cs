using AiGovernance.Reporting.Tests.Drift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Reporting.Tests.DependencyInjection;

public sealed class ReportingBuilderExtensionsTests
{
    [Fact]
    public void AddReporting_RegistersARendererWithTheConfiguredOptions()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddReporting(o => o.SignificantDigits = 5));
        using var provider = services.BuildServiceProvider();

        var renderer = provider.GetRequiredService<ReportRenderer>();

        Assert.Equal(5, renderer.Options.SignificantDigits);
        Assert.Same(renderer, provider.GetRequiredService<ReportRenderer>());
    }

    [Fact]
    public void AddReporting_OutOfRangeOption_FailsValidationNamingIt()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddReporting(o => o.SignificantDigits = 1));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReportingOptions>>().Value);

        Assert.Contains(nameof(ReportingOptions.SignificantDigits), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderer_OutsideDi_RunsTheSameCrossFieldValidation()
    {
        var options = new ReportingOptions { MaxCategories = 50, MaxTableRows = 20 };

        var error = Assert.Throws<ArgumentException>(() => new ReportRenderer(options));
        Assert.Equal("options", error.ParamName);

        Assert.Contains("MaxCategories (50) must not exceed MaxTableRows (20)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignificantDigits_ApplyToTheRenderedNumbers()
    {
        var document = DriftFixtures.Document();
        var statistic = document.Latest.Columns.Single(c => c.Column == DriftFixtures.HostileColumn).Statistic!.Value;
        var two = Formatting.ReportFormat.Number(statistic, 2);
        var four = Formatting.ReportFormat.Number(statistic, 4);
        Assert.NotEqual(two, four);

        var html = new ReportRenderer(new ReportingOptions { SignificantDigits = 2 }).ToHtml(document);

        Assert.Contains(">" + two + "<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(four, html, StringComparison.Ordinal);
    }
}
