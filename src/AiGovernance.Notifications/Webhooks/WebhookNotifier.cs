using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AiGovernance.Notifications.Webhooks;

/// <summary>Posts notifications to one incoming webhook in its format, retrying with exponential back-off and a per-attempt
/// timeout (a Polly resilience pipeline), and appends what could not be delivered to the dead-letter log.</summary>
/// <remarks>
/// <para>Retried: timeouts, connection failures, HTTP 408, 429 and 5xx. Not retried: other 4xx answers (a malformed body or
/// a revoked URL will not get better), which go to the dead-letter log at once. Attempts are
/// <c>1 + MaxRetryAttempts</c>; retry <c>k</c> waits <c>BaseDelay · 2^(k−1)</c> (jittered when configured).</para>
/// <para>The webhook URL holds a token: it appears in no log message, exception message or dead-letter line; failures are
/// described by HTTP status or exception type only.</para>
/// <para>Thread-safe. <see cref="NotifyAsync"/> never throws for a delivery failure (it reports <see langword="false"/>); a
/// notifier is for telling people, and a webhook outage must not fail a gate, a rollout or a drift workflow.</para>
/// </remarks>
public sealed class WebhookNotifier : IDisposable
{
    private readonly NotificationsOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly DeadLetterLog _deadLetters;
    private readonly TimeProvider _timeProvider;
    private readonly NotificationsTelemetry _telemetry;
    private readonly ILogger _logger;

    /// <summary>Creates a notifier.</summary>
    /// <param name="options">The webhook, format, retry, timeout and dead-letter settings.</param>
    /// <param name="httpClient">The client to post with; one of its own (pooled connections renewed every 5 minutes) when null.</param>
    /// <param name="timeProvider">The clock of back-off delays, timeouts and dead-letter times; the system clock when null.</param>
    /// <param name="logger">Logs deliveries, retries and dead letters (never the URL).</param>
    /// <param name="meterFactory">Creates the notifications meter; the process-wide meter when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (the message lists every problem, never the URL).</exception>
    public WebhookNotifier(NotificationsOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null,
        ILogger<WebhookNotifier>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsGuard.ThrowIfInvalid(options, nameof(options), NotificationsOptionsValidator.Instance);
        OptionsGuard.ThrowIfInvalid(options, nameof(options), NotificationsOptionsCustomValidator.Instance);
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _telemetry = NotificationsTelemetry.Create(meterFactory);
        _deadLetters = new DeadLetterLog(options.DeadLetterPath);
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
                OnRetry = args =>
                {
                    var failure = Describe(args.Outcome);
                    args.Outcome.Result?.Dispose();
                    _telemetry.RecordRetry(_options.Format);
                    NotificationsLog.Retrying(_logger, NotificationsTelemetry.Name(_options.Format), failure, args.AttemptNumber + 1,
                        args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The full path of the dead-letter log.</summary>
    public string DeadLetterPath => _deadLetters.FilePath;

    /// <summary>Delivers one notification, or writes it to the dead-letter log when every attempt failed.</summary>
    /// <param name="notification">What to tell.</param>
    /// <param name="cancellationToken">Cancels delivery (nothing is dead-lettered then).</param>
    /// <returns><see langword="true"/> when the webhook accepted it (HTTP 2xx); <see langword="false"/> when it went to the
    /// dead-letter log.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<bool> NotifyAsync(GovernanceNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = WebhookPayload.Build(notification, _options.Format, _options.MaxTextLength).ToJsonString();
        var attempts = 0;
        string failure;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async ct =>
            {
                attempts++;
                using var content = new StringContent(body, System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                return await _http.PostAsync(_options.WebhookUrl, content, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                _telemetry.RecordDelivered(_options.Format, notification.Kind);
                var kind = NotificationsTelemetry.Name(notification.Kind);
                var format = NotificationsTelemetry.Name(_options.Format);
                NotificationsLog.Delivered(_logger, kind, format, attempts);
                return true;
            }

            failure = StatusText(response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            failure = ex.GetType().Name;
        }

        DeadLetter(notification, attempts, failure);
        return false;
    }

    /// <summary>Releases the dead-letter file and, when the notifier made it, the HTTP client.</summary>
    public void Dispose()
    {
        _deadLetters.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private void DeadLetter(GovernanceNotification notification, int attempts, string failure)
    {
        var kind = NotificationsTelemetry.Name(notification.Kind);
        try
        {
            _deadLetters.Append(notification, _options.Format, attempts, failure, _timeProvider.GetUtcNow(), _options.MaxTextLength);
            _telemetry.RecordDeadLettered(_options.Format, notification.Kind);
            NotificationsLog.DeadLettered(_logger, kind, NotificationsTelemetry.Name(_options.Format), attempts, failure, _deadLetters.FilePath);
        }
        catch (IOException ex)
        {
            NotificationsLog.DeadLetterFailed(_logger, ex, kind, _deadLetters.FilePath);
        }
    }

    private static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : StatusText(outcome.Result!.StatusCode);

    private static string StatusText(HttpStatusCode status) => FormattableString.Invariant($"HTTP {(int)status}");
}
