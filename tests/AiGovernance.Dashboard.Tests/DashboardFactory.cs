using System.Net;
using AiGovernance.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiGovernance.Dashboard.Tests;

/// <summary>The dashboard sample (a year of weekly history for three systems, seeded through the library's own components)
/// under the test server. The test server has no socket, so a startup filter gives each request the remote address named by
/// the <see cref="RemoteHeader"/> header, loopback when absent: the real <see cref="DashboardPolicies.LocalRequestsOnly"/> policy
/// then decides.</summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    public const string RemoteHeader = "X-Test-Remote-Address";

    public const string Prefix = "/governance";

    /// <summary>Changes the options after the sample's own configuration.</summary>
    protected virtual void Configure(DashboardOptions options)
    {
    }

    /// <summary>Whether the sample seeds its year of history.</summary>
    protected virtual bool Seed => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Dashboard:Seed", Seed ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, RemoteAddressFilter>();
            services.PostConfigure<DashboardOptions>(Configure);
        });
    }

    /// <summary>A client that keeps cookies (antiforgery) and does not follow redirects.</summary>
    public HttpClient CreateDashboardClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate nextDelegate) =>
            {
                http.Connection.RemoteIpAddress = http.Request.Headers.TryGetValue(RemoteHeader, out var value)
                    ? IPAddress.Parse(value.ToString())
                    : IPAddress.Loopback;
                return nextDelegate(http);
            });
            next(app);
        };
    }
}

/// <summary>The sample without a read policy: every request must be refused.</summary>
public sealed class NoPolicyDashboardFactory : DashboardFactory
{
    protected override bool Seed => false;

    protected override void Configure(DashboardOptions options)
    {
        options.ReadPolicy = null;
        options.ActionPolicy = null;
    }
}

/// <summary>The sample read-only: a read policy, no action policy.</summary>
public sealed class ReadOnlyDashboardFactory : DashboardFactory
{
    protected override bool Seed => false;

    protected override void Configure(DashboardOptions options) => options.ActionPolicy = null;
}

/// <summary>The sample behind a policy that needs a signed-in user, with no authentication scheme: anonymous requests are
/// challenged (401).</summary>
public sealed class SignedInDashboardFactory : DashboardFactory
{
    public const string Policy = "governance-readers";

    protected override bool Seed => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser())));
    }

    protected override void Configure(DashboardOptions options) => options.ReadPolicy = Policy;
}
