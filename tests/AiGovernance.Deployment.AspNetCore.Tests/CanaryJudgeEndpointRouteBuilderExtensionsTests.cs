using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Deployment.AspNetCore.Tests;

public sealed class CanaryJudgeEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public void MapCanaryJudge_WithoutAuthorizationPolicy_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAiGovernance(b => b.AddOpenTelemetryCanaryMetrics().AddCanaryJudge());
        using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapCanaryJudge("/canary"));

        Assert.Contains("AuthorizationPolicy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapCanaryJudge_WithoutMetricSource_Throws()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAiGovernance(b => b.AddCanaryJudge(o => o.AuthorizationPolicy = "p"));
        using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapCanaryJudge("/canary"));

        Assert.Contains("ICanaryMetricSource", ex.Message, StringComparison.Ordinal);
    }
}
