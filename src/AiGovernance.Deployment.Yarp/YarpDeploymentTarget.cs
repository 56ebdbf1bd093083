using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Bucketing;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace AiGovernance.Deployment.Yarp;

/// <summary>An <see cref="IDeploymentTarget"/> that moves real traffic through YARP: it is an <see cref="IProxyConfigProvider"/>
/// publishing one route and one cluster with a <c>stable</c> and a <c>candidate</c> destination, and every traffic change
/// publishes a new configuration whose cluster metadata carries the candidate's share of units.</summary>
/// <remarks>
/// <para>Routing: the cluster's load-balancing policy (<see cref="LoadBalancingPolicyName"/>, registered by
/// <c>AddYarpTraffic</c>) sends a request to the candidate when <see cref="StableBucketing.Fraction"/> of its unit id and the
/// salt is below the published share, so every request of a unit goes to one arm, a unit keeps its arm across stage
/// changes that only raise the share, and the proxy agrees with an in-process <c>CanaryRouter</c> of the same salt.
/// A pin header or cookie (when configured) forces an arm instead. A chosen arm without an available destination (health
/// checks failed, or the candidate retired) gets no destination, and YARP answers 503.</para>
/// <para>In effect: <see cref="SetTrafficAsync"/> and <see cref="RollBackAsync"/> complete only when YARP reports the new
/// configuration applied (<see cref="IConfigChangeListener.ConfigurationApplied"/>); when YARP rejects it they throw, so the
/// rollout controller stays at its stage (or retries the rollback). The controller time-boxes each call, so a proxy that
/// never applies cannot hold it.</para>
/// <para>Rollback publishes a cluster with the stable destination only: the candidate is retired, and pins to it are served
/// by the stable destination (YARP sends every request to a cluster's only destination). A later
/// <see cref="SetTrafficAsync"/> brings it back. Until the first change the candidate's share is 0 and it is reachable only
/// through a pin.</para>
/// <para>Thread-safe: changes are serialized; <see cref="GetConfig"/> never blocks.</para>
/// </remarks>
public sealed class YarpDeploymentTarget : IDeploymentTarget, IProxyConfigProvider
{
    /// <summary>The name of the load-balancing policy the published cluster uses.</summary>
    public const string LoadBalancingPolicyName = "AiGovernance.StableBucket";

    private const string Actor = "AiGovernance.Deployment.Yarp";
    private readonly YarpTrafficOptions _options;
    private readonly IAuditLog? _auditLog;
    private readonly ILogger _logger;
    private readonly YarpTrafficTelemetry _telemetry;
    private readonly Lock _gate = new();
    private RolloutProxyConfig _config;
    private long _revision;

    /// <summary>Creates the target with the candidate's share at 0 (reachable only through a pin).</summary>
    /// <param name="options">The destinations, route and unit settings.</param>
    /// <param name="auditLog">Receives <see cref="YarpTrafficAuditEvents.TrafficApplied"/>; none when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (the message lists every broken rule).</exception>
    public YarpDeploymentTarget(YarpTrafficOptions options, IAuditLog? auditLog = null, ILogger? logger = null,
        IMeterFactory? meterFactory = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), YarpTrafficOptionsValidator.Instance, YarpTrafficOptionsCustomValidator.Instance);
        _options = Copy(options);
        _auditLog = auditLog;
        _logger = logger ?? NullLogger.Instance;
        _telemetry = YarpTrafficTelemetry.Create(meterFactory);
        _config = Build(0.0, retired: false);
    }

    /// <summary>The options in use (a copy taken at construction).</summary>
    public YarpTrafficOptions Options => Copy(_options);

    /// <summary>The candidate's share of units in the configuration last published (which YARP may still be applying).</summary>
    public double CandidateFraction => Volatile.Read(ref _config).CandidateFraction;

    /// <summary>Whether the last published configuration retired the candidate (a rollback).</summary>
    public bool CandidateRetired => Volatile.Read(ref _config).CandidateRetired;

    /// <inheritdoc />
    public IProxyConfig GetConfig() => Volatile.Read(ref _config);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="candidateFraction"/> is outside [0, 1] or NaN.</exception>
    /// <exception cref="InvalidOperationException">YARP rejected the configuration.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before YARP applied it.</exception>
    public async ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken)
    {
        if (!(candidateFraction >= 0.0 && candidateFraction <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(candidateFraction), candidateFraction, "A traffic fraction must be in [0, 1].");
        }

        await PublishAsync(candidateFraction, retired: false, reason: null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or white space.</exception>
    /// <exception cref="InvalidOperationException">YARP rejected the configuration.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before YARP applied it.</exception>
    public async ValueTask RollBackAsync(string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await PublishAsync(0.0, retired: true, UntrustedText.Bound(reason, 512), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>YARP applied a set of configurations; completes the waits of ours among them.</summary>
    internal void OnApplied(IReadOnlyList<IProxyConfig> configs)
    {
        foreach (var config in configs)
        {
            if (config is RolloutProxyConfig ours && ReferenceEquals(ours.Owner, this) && ours.Applied.TrySetResult())
            {
                _telemetry.RecordCandidateFraction(_options.ClusterId, ours.CandidateFraction);
                YarpTrafficLog.ConfigurationApplied(_logger, _options.ClusterId, ours.RevisionId, ours.CandidateFraction);
            }
        }
    }

    /// <summary>YARP rejected a set of configurations; fails the waits of ours among them.</summary>
    internal void OnApplyingFailed(IReadOnlyList<IProxyConfig> configs, Exception exception)
    {
        foreach (var config in configs)
        {
            if (config is RolloutProxyConfig ours && ReferenceEquals(ours.Owner, this)
                && ours.Applied.TrySetException(new InvalidOperationException(
                    $"YARP rejected configuration {ours.RevisionId} of cluster '{_options.ClusterId}'.", exception)))
            {
                YarpTrafficLog.ConfigurationRejected(_logger, _options.ClusterId, ours.RevisionId, exception);
            }
        }
    }

    private async ValueTask PublishAsync(double fraction, bool retired, string? reason, CancellationToken cancellationToken)
    {
        using var activity = YarpTrafficTelemetry.ActivitySource.StartActivity("aigovernance.deployment.yarp.publish");
        RolloutProxyConfig next;
        RolloutProxyConfig previous;
        lock (_gate)
        {
            next = Build(fraction, retired);
            previous = _config;
            Volatile.Write(ref _config, next);
        }

        activity?.SetTag("aigovernance.cluster", _options.ClusterId);
        activity?.SetTag("aigovernance.revision", next.RevisionId);
        activity?.SetTag("aigovernance.candidate_fraction", fraction);
        activity?.SetTag("aigovernance.candidate_retired", retired);
        // Superseded: a later configuration replaces one YARP may not have applied yet; its waiter is released by the newer one.
        previous.Applied.TrySetResult();
        previous.SignalChange();
        await next.Applied.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (retired)
        {
            YarpTrafficLog.CandidateRetired(_logger, _options.ClusterId, next.RevisionId, reason ?? string.Empty);
        }

        if (_auditLog is not null)
        {
            var payload = new YarpTrafficAuditPayload(_options.ClusterId, next.RevisionId, fraction, retired, reason);
            var json = JsonSerializer.SerializeToElement(payload, YarpTrafficJsonContext.Default.YarpTrafficAuditPayload);
            await _auditLog.AppendAsync(new AuditEvent(YarpTrafficAuditEvents.TrafficApplied, Actor, payload: json), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private RolloutProxyConfig Build(double fraction, bool retired)
    {
        var revision = string.Create(CultureInfo.InvariantCulture, $"{_options.ClusterId}/{Interlocked.Increment(ref _revision)}");
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase)
        {
            [YarpTrafficDefaults.StableDestinationId] = new() { Address = _options.StableAddress! },
        };
        if (!retired)
        {
            destinations[YarpTrafficDefaults.CandidateDestinationId] = new() { Address = _options.CandidateAddress! };
        }

        var cluster = new ClusterConfig
        {
            ClusterId = _options.ClusterId,
            LoadBalancingPolicy = LoadBalancingPolicyName,
            Destinations = destinations,
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [YarpTrafficDefaults.CandidateFractionMetadataKey] = fraction.ToString("R", CultureInfo.InvariantCulture),
                [YarpTrafficDefaults.SaltMetadataKey] = _options.Salt,
            },
        };
        var route = new RouteConfig
        {
            RouteId = _options.RouteId,
            ClusterId = _options.ClusterId,
            Match = new RouteMatch { Path = _options.RoutePath },
        };
        return new RolloutProxyConfig(this, revision, fraction, retired, [route], [cluster]);
    }

    private static YarpTrafficOptions Copy(YarpTrafficOptions o) => new()
    {
        StableAddress = o.StableAddress,
        CandidateAddress = o.CandidateAddress,
        Salt = o.Salt,
        RouteId = o.RouteId,
        ClusterId = o.ClusterId,
        RoutePath = o.RoutePath,
        UnitIdHeaderName = o.UnitIdHeaderName,
        UnitIdCookieName = o.UnitIdCookieName,
        PinHeaderName = o.PinHeaderName,
        PinCookieName = o.PinCookieName,
    };

    /// <summary>One published configuration: its routes and clusters, a change token cancelled when it is replaced, and a
    /// completion source YARP's apply (or rejection) resolves.</summary>
    // CA1001: the token source has no timer and lives exactly as long as this configuration; YARP never disposes configurations.
#pragma warning disable CA1001
    private sealed class RolloutProxyConfig : IProxyConfig
#pragma warning restore CA1001
    {
        private readonly CancellationTokenSource _changed = new();

        public RolloutProxyConfig(YarpDeploymentTarget owner, string revisionId, double candidateFraction, bool candidateRetired,
            IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters)
        {
            Owner = owner;
            RevisionId = revisionId;
            CandidateFraction = candidateFraction;
            CandidateRetired = candidateRetired;
            Routes = routes;
            Clusters = clusters;
            ChangeToken = new CancellationChangeToken(_changed.Token);
        }

        public YarpDeploymentTarget Owner { get; }

        public string RevisionId { get; }

        public double CandidateFraction { get; }

        public bool CandidateRetired { get; }

        public IReadOnlyList<RouteConfig> Routes { get; }

        public IReadOnlyList<ClusterConfig> Clusters { get; }

        public IChangeToken ChangeToken { get; }

        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void SignalChange() => _changed.Cancel();
    }
}
