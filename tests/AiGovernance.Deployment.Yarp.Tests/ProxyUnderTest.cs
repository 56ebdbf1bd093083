using System.Collections.Concurrent;
using System.Net;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Yarp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Deployment.Yarp.Tests;

/// <summary>A real in-process YARP proxy on Kestrel (a free loopback port) in front of two real Kestrel back-ends that answer
/// with their arm's name and count what they serve.</summary>
internal sealed class ProxyUnderTest : IAsyncDisposable
{
    public const string Salt = "fraud-model-v2";
    public const string PinHeader = "X-Canary-Pin";
    public const string PinCookie = "canary-pin";

    private readonly WebApplication _stable;
    private readonly WebApplication _candidate;
    private readonly WebApplication _proxy;

    private ProxyUnderTest(WebApplication stable, WebApplication candidate, WebApplication proxy, HttpClient client)
    {
        _stable = stable;
        _candidate = candidate;
        _proxy = proxy;
        Client = client;
    }

    public HttpClient Client { get; }

    public YarpDeploymentTarget Target => _proxy.Services.GetRequiredService<YarpDeploymentTarget>();

    public IServiceProvider Services => _proxy.Services;

    public long StableServed => Interlocked.Read(ref _servedByStable);

    public long CandidateServed => Interlocked.Read(ref _servedByCandidate);

    private long _servedByStable;
    private long _servedByCandidate;

    public static async Task<ProxyUnderTest> StartAsync(Action<YarpTrafficOptions>? configure = null)
    {
        ProxyUnderTest? created = null;
        var stable = await StartBackEndAsync("stable", () => Interlocked.Increment(ref created!._servedByStable));
        var candidate = await StartBackEndAsync("candidate", () => Interlocked.Increment(ref created!._servedByCandidate));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy();
        builder.Services.AddAiGovernance(b => b.AddDeployment(o => o.RolloutName = Salt).AddYarpTraffic(o =>
        {
            o.StableAddress = AddressOf(stable);
            o.CandidateAddress = AddressOf(candidate);
            o.Salt = Salt;
            o.PinHeaderName = PinHeader;
            o.PinCookieName = PinCookie;
            configure?.Invoke(o);
        }));
        var proxy = builder.Build();
        proxy.MapReverseProxy(pipeline =>
        {
            // A custom pipeline replaces YARP's default one, so its standard steps are added back after the recording step.
            pipeline.UseRolloutRecording();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        await proxy.StartAsync(TestContext.Current.CancellationToken);
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(AddressOf(proxy)) };
        created = new ProxyUnderTest(stable, candidate, proxy, client);
        return created;
    }

    /// <summary>The recorder the proxy records every non-pinned request of the rollout's cluster in.</summary>
    public CanaryRecorder Recorder => _proxy.Services.GetRequiredService<CanaryRecorder>();

    /// <summary>Sends one request per unit (in parallel) and returns the arm that answered each.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SendAsync(IEnumerable<string> units, Action<HttpRequestMessage>? decorate = null)
    {
        var arms = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = TestContext.Current.CancellationToken },
            async (unit, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/predict");
                request.Headers.Add("X-Unit-Id", unit);
                decorate?.Invoke(request);
                using var response = await Client.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                var arm = response.StatusCode == HttpStatusCode.OK ? body : $"HTTP {(int)response.StatusCode}";
                if (!arms.TryAdd(unit, arm))
                {
                    throw new InvalidOperationException($"Unit {unit} was sent twice in one batch.");
                }
            });
        return arms;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _proxy.DisposeAsync();
        await _candidate.DisposeAsync();
        await _stable.DisposeAsync();
    }

    private static async Task<WebApplication> StartBackEndAsync(string arm, Action served)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context =>
        {
            served();
            return context.Response.WriteAsync(arm, context.RequestAborted);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
}
