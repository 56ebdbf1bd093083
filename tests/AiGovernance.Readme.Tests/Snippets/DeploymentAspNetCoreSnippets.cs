using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Deployment.AspNetCore/README.md.</summary>
public class DeploymentAspNetCoreSnippets
{
    [Fact]
    public async Task Block1_MapsTheJudge_RefusingUnauthenticatedCalls()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication().AddCookie();
        var prometheusAddress = "http://127.0.0.1:9090/";

        builder.Services.AddAuthorization(o => o.AddPolicy("rollout-controller", p => p.RequireAuthenticatedUser()));
        builder.Services.AddAiGovernance(b => b
            .AddPrometheusCanaryMetrics(o => o.BaseAddress = new Uri(prometheusAddress))
            .AddCanaryJudge(o => o.AuthorizationPolicy = "rollout-controller"));
        var app = builder.Build();
        app.MapCanaryJudge("/canary");

        await app.StartAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };
            var response = await client.GetAsync("/canary/argo?rollout=checkout&candidateFraction=0.2");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // the cookie scheme challenges: no judgment without sign-in
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
