using System.Net;
using AiGovernance.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Readme.Tests.Snippets;

/// <summary>The ```csharp blocks of src/AiGovernance.Dashboard/README.md.</summary>
public class DashboardSnippets
{
    [Fact]
    public async Task Block1_MountsTheDashboard_AndServesLocalRequests()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.Services.AddAiGovernance(b => b.AddGates().AddDashboard(o => o.ReadPolicy = DashboardPolicies.LocalRequestsOnly));
        var app = builder.Build();
        app.MapAiGovernanceDashboard("/governance");

        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var response = await client.GetAsync("/governance");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("AI inventory", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.StartsWith("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
