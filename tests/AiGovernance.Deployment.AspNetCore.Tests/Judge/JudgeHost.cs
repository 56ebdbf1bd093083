using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Canary.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.AspNetCore.Tests.Judge;

/// <summary>A TestServer host with the judge mapped at /canary behind a bearer-token policy, fed by the real in-process
/// OpenTelemetry source, with three rollouts' traffic recorded on the canary histogram: healthy, failing, inconclusive.</summary>
internal sealed class JudgeHost : IAsyncDisposable
{
    public const string Token = "controller-token";
    public const string Policy = "rollout-controller";

    private readonly Meter _meter;

    private JudgeHost(WebApplication app, Meter meter)
    {
        App = app;
        _meter = meter;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public InMemoryAuditLog AuditLog => (InMemoryAuditLog)App.Services.GetRequiredService<IAuditLog>();

    public static async Task<JudgeHost> StartAsync()
    {
        var meterName = "Tests.Judge." + Guid.NewGuid().ToString("N");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAuthentication(TokenHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TokenHandler>(TokenHandler.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser()));
        builder.Services.AddAiGovernance(b => b
            .AddOpenTelemetryCanaryMetrics(o => o.MeterName = meterName)
            .AddCanaryJudge(o => o.AuthorizationPolicy = Policy));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapCanaryJudge("/canary");
        await app.StartAsync(TestContext.Current.CancellationToken);

        _ = app.Services.GetRequiredService<ICanaryMetricSource>();
        var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram<double>(CanaryInstruments.RequestDuration, "s");
        Traffic(histogram, "healthy", baseline: (4000, 40), candidate: (1000, 10));
        Traffic(histogram, "failing", baseline: (4000, 40), candidate: (1000, 100));
        Traffic(histogram, "inconclusive", baseline: (400, 4), candidate: (100, 1));
        return new JudgeHost(app, meter);
    }

    public HttpRequestMessage Authorized(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        _meter.Dispose();
    }

    /// <summary>Requests with the same latency mix in both arms (20/40/60 ms), the first <c>errors</c> failing.</summary>
    private static void Traffic(Histogram<double> histogram, string rollout, (int Requests, int Errors) baseline, (int Requests, int Errors) candidate)
    {
        foreach (var (variant, (requests, errors)) in new[] { ("baseline", baseline), ("candidate", candidate) })
        {
            for (var i = 0; i < requests; i++)
            {
                histogram.Record(0.020 * (1 + (i % 3)), new KeyValuePair<string, object?>("rollout", rollout),
                    new KeyValuePair<string, object?>("variant", variant), new KeyValuePair<string, object?>("outcome", i < errors ? "error" : "success"));
            }
        }
    }

    private sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Token";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (header != "Bearer " + Token)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "argo-rollouts")], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
