#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup], not IDisposable.
extern alias DashboardSample;

using System.Net;
using AiGovernance.Dashboard;
using AiGovernance.Deployment.Rollout;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Seeder = DashboardSample::AiGovernance.Samples.Dashboard.History.GovernanceHistorySeeder;
using ShiftedClock = DashboardSample::AiGovernance.Samples.Dashboard.History.ShiftedClock;
using SyntheticSystem = DashboardSample::AiGovernance.Samples.Dashboard.History.SyntheticSystem;

namespace AiGovernance.Benchmarks;

/// <summary>Server time of the dashboard's system page over a year of weekly history (issue 24 target: at most 200 ms for 52
/// windows × 30 columns). The stores are the in-memory ones, seeded by the dashboard sample's <c>GovernanceHistorySeeder</c> —
/// the same history the dashboard tests render: for each of three systems 52 weekly drift reports of 30 columns, gate decisions
/// with signed approvals, performance-gate attempts, weekly oversight analyses, monthly scorecards, and for the credit scorer a
/// staged rollout with its canary analyses.</summary>
/// <remarks>The measured call is the page's own endpoint delegate (as mapped by <c>MapAiGovernanceDashboard</c>) on a fresh
/// <see cref="DefaultHttpContext"/> from loopback: authorization, antiforgery token, one pass over the audit log, one query of
/// the report history, the HTML and its write to the response body. Only routing and the socket are left out.</remarks>
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private WebApplication _app = null!;
    private RequestDelegate _systemPage = null!;

    /// <summary>The system whose page is rendered: the credit scorer has every section (rollout, canary, drifting columns).</summary>
    [Params("credit-scoring", "support-triage")]
    public string System { get; set; } = "credit-scoring";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var clock = new ShiftedClock();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IRolloutStateStore, InMemoryRolloutStateStore>();
        builder.Services.AddAiGovernance(b => b.AddGates().AddDashboard(o =>
        {
            o.ReadPolicy = DashboardPolicies.LocalRequestsOnly;
            o.ActionPolicy = DashboardPolicies.LocalRequestsOnly;
            o.Rollouts["credit-scoring"] = Seeder.CreditRollout;
        }));
        _app = builder.Build();
        await Seeder.SeedAsync(_app.Services, clock.MoveTo, clock.GetUtcNow());
        _app.MapAiGovernanceDashboard("/governance");
        _systemPage = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/governance/systems/{systemId}" && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                .Contains("GET") == true).RequestDelegate!;

        var (status, bytes) = await RenderAsync();
        if (status != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"The system page answered {status}.");
        }

        Console.WriteLine($"// {System}: {SyntheticSystem.ColumnCount} columns × {Seeder.Weeks} weekly windows; page {bytes / 1024.0:F0} KiB (UTF-8)");
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _app.DisposeAsync();

    [Benchmark]
    public async Task<long> SystemPage() => (await RenderAsync()).Bytes;

    private async Task<(int Status, long Bytes)> RenderAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var body = new CountingStream();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = HttpMethods.Get;
        http.Request.Path = "/governance/systems/" + System;
        http.Request.RouteValues["systemId"] = System;
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Response.Body = body;
        await _systemPage(http);
        return (http.Response.StatusCode, body.Length);
    }

    /// <summary>A response body that only counts what is written.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
