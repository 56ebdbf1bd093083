using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Notifications.Tests.Webhooks;

/// <summary>A real HTTP listener (Kestrel on a free loopback port) standing in for Slack, Teams or a JSON endpoint: it keeps
/// every body posted to <c>/hooks/{token}</c> and answers each with the next status of a script (the last one repeats).</summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    public const string Token = "T0KEN-s3cr3t-9f8e7d";

    private readonly WebApplication _app;
    private readonly int[] _statuses;
    private readonly TimeSpan _delay;
    private int _requests;

    private WebhookListener(WebApplication app, int[] statuses, TimeSpan delay)
    {
        _app = app;
        _statuses = statuses;
        _delay = delay;
    }

    public ConcurrentQueue<string> Bodies { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookListener> StartAsync(int[] statuses, TimeSpan delay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app, statuses, delay);
        app.MapPost("/hooks/{token}", listener.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        listener.Url = new Uri($"{address}/hooks/{Token}");
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context, string token)
    {
        var n = Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        Bodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        if (_delay > TimeSpan.Zero)
        {
            await Task.Delay(_delay, context.RequestAborted);
        }

        return Results.StatusCode(token == Token ? _statuses[Math.Min(n, _statuses.Length) - 1] : 404);
    }
}
