using AiGovernance.Core.Audit;
using AiGovernance.Oversight.Review;
using AiGovernance.Oversight.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight.Tests.DependencyInjection;

public class OversightBuilderExtensionsTests
{
    [Fact]
    public void AddOversight_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddOversight());
        var count = services.Count;
        services.AddAiGovernance(b => b.AddOversight());

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ServiceType == typeof(ReviewRouter));
        Assert.Single(services, d => d.ServiceType == typeof(IndependentReviewProtocol));
        Assert.Single(services, d => d.ServiceType == typeof(IReviewLog));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<OversightOptions>)));
    }

    [Fact]
    public void AddOversight_WithoutArguments_ResolvesEveryServiceWithTheDefaults()
    {
        using var provider = new ServiceCollection().AddAiGovernance(b => b.AddOversight()).BuildServiceProvider();

        Assert.Equal(0.75, provider.GetRequiredService<ReviewRouter>().Threshold);
        Assert.Equal(0.05, provider.GetRequiredService<ReviewRouter>().AuditSampler.Rate);
        Assert.NotNull(provider.GetRequiredService<IndependentReviewProtocol>());
        Assert.Empty(StartupValidation.Failures(new ServiceCollection().AddAiGovernance(b => b.AddOversight())));
    }

    [Fact]
    public void AddOversight_SeveralInvalidOptions_StartupListsEveryError()
    {
        var services = new ServiceCollection().AddAiGovernance(b => b.AddOversight(o =>
        {
            o.ReviewThreshold = 2;
            o.AuditSalt = " ";
            o.Analysis.MinimumReviewsPerReviewer = 0;
            o.Analysis.LowVolumePercentile = 0.9;
        }));

        var failures = StartupValidation.Failures(services);

        Assert.Contains(failures, f => f.Contains(nameof(OversightOptions.ReviewThreshold), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains(nameof(OversightOptions.AuditSalt), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("MinimumReviewsPerReviewer", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("LowVolumePercentile", StringComparison.Ordinal));
    }

    [Fact]
    public void AddOversight_WithConfigure_AppliesOptionsToRouter()
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddOversight(o => o.ReviewThreshold = 0.9).AddOversight(o => o.AuditSampleRate = 0.2))
            .BuildServiceProvider();

        var router = provider.GetRequiredService<ReviewRouter>();
        Assert.Equal(0.9, router.Threshold);
        Assert.Equal(0.2, router.AuditSampler.Rate);
        Assert.IsType<InMemoryReviewLog>(provider.GetRequiredService<IReviewLog>());
        Assert.NotNull(provider.GetRequiredService<IndependentReviewProtocol>());
    }

    [Fact]
    public void AddOversight_FromConfiguration_BindsNestedAnalysisOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oversight:ReviewThreshold"] = "0.8",
            ["Oversight:AuditSalt"] = "q4",
            ["Oversight:Analysis:MinimumReviewsPerReviewer"] = "20",
        }).Build();
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddOversight(configuration.GetSection("Oversight")))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<OversightOptions>>().Value;
        Assert.Equal(0.8, options.ReviewThreshold);
        Assert.Equal("q4", options.AuditSalt);
        Assert.Equal(20, options.Analysis.MinimumReviewsPerReviewer);
    }

    [Theory]
    [InlineData("ReviewThreshold")]
    [InlineData("AuditSampleRate")]
    [InlineData("AuditSalt")]
    [InlineData("Analysis.MinimumReviewsPerReviewer")]
    [InlineData("Analysis.LowVolumePercentile")]
    [InlineData("Analysis.TimeZoneId")]
    public void Options_Invalid_FailValidationNamingMember(string member)
    {
        using var provider = new ServiceCollection()
            .AddAiGovernance(b => b.AddOversight(o =>
            {
                switch (member)
                {
                    case "ReviewThreshold": o.ReviewThreshold = 1.5; break;
                    case "AuditSampleRate": o.AuditSampleRate = -0.1; break;
                    case "AuditSalt": o.AuditSalt = "  "; break;
                    case "Analysis.MinimumReviewsPerReviewer": o.Analysis.MinimumReviewsPerReviewer = 0; break;
                    case "Analysis.LowVolumePercentile": o.Analysis.LowVolumePercentile = 0.8; break;
                    default: o.Analysis.TimeZoneId = "Nowhere/Atlantis"; break;
                }
            }))
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OversightOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains(member.Split('.')[^1], StringComparison.Ordinal));
    }

    [Fact]
    public void AddOversight_InvalidOptions_FailStartupValidation()
    {
        var services = new ServiceCollection().AddAiGovernance(b => b.AddOversight(o => o.ReviewThreshold = 2));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
    }

    [Fact]
    public void UseJsonLinesReviewLog_ReplacesInMemoryLog_Once()
    {
        var path = Path.Combine(Path.GetTempPath(), "aigov-oversight-di-" + Guid.NewGuid().ToString("N"), "reviews.jsonl");
        var services = new ServiceCollection();
        services.AddAiGovernance(b => b.AddOversight().UseJsonLinesReviewLog(path));
        services.AddAiGovernance(b => b.AddOversight().UseJsonLinesReviewLog(path));

        Assert.Single(services, d => d.ServiceType == typeof(IReviewLog));
        using (var provider = services.BuildServiceProvider())
        {
            var log = Assert.IsType<JsonLinesReviewLog>(provider.GetRequiredService<IReviewLog>());
            Assert.Equal(Path.GetFullPath(path), log.Path);
            Assert.IsType<InMemoryAuditLog>(provider.GetRequiredService<IAuditLog>());
        }

        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
