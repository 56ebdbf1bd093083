using System.Diagnostics.Metrics;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.FeatureManagement.Configuration;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Deployment.FeatureManagement;

/// <summary>An <see cref="IDeploymentTarget"/> that moves traffic by rewriting the percentile allocation of a
/// Microsoft.FeatureManagement variant feature flag. It is also the <see cref="IConfigurationSource"/> holding that flag: add it
/// to the configuration Microsoft.FeatureManagement reads, and each traffic change is a configuration reload.</summary>
/// <remarks>
/// <para>The flag, in Microsoft.FeatureManagement's documented schema (<c>feature_management:feature_flags</c>): enabled, two
/// variants, <c>allocation.percentile</c> [0, 100·share) for the candidate and [100·share, 100] for the stable variant,
/// <c>default_when_enabled</c> and <c>default_when_disabled</c> the stable variant, the optional <c>seed</c>, and
/// <c>allocation.user</c> entries for pinned users. Microsoft.FeatureManagement hashes each user id with the seed to a
/// percentile (SHA-256), so a user keeps its variant across evaluations, and — the candidate's range always starting at 0 — a
/// user in the candidate stays there when the share rises. Feature flags with the same id from several configuration sources
/// are merged by id (Microsoft.FeatureManagement 4's default), so add this source last.</para>
/// <para>In effect: the change is applied when <see cref="SetTrafficAsync"/> returns — the reload token has fired, and
/// Microsoft.FeatureManagement's definition provider drops its cache on that token, so the next evaluation reads the new
/// allocation.</para>
/// <para>Pinning: Microsoft.FeatureManagement decides variants from the targeting context's user id, so pins are user
/// allocations (<see cref="FeatureFlagTrafficOptions.PinnedCandidateUsers"/>, <see cref="FeatureFlagTrafficOptions.PinnedStableUsers"/>),
/// which it applies before the percentiles. Rollback sets the candidate's share to 0, removes the candidate variant and its
/// pins (retired), and keeps the stable pins.</para>
/// <para>Thread-safe: changes are serialized.</para>
/// </remarks>
public sealed class FeatureFlagDeploymentTarget : IDeploymentTarget, IConfigurationSource
{
    private const string Actor = "AiGovernance.Deployment.FeatureManagement";
    private readonly FeatureFlagTrafficOptions _options;
    private readonly FeatureFlagAllocationProvider _provider;
    private readonly IAuditLog? _auditLog;
    private readonly ILogger _logger;
    private readonly FeatureFlagTrafficTelemetry _telemetry;
    private readonly Lock _gate = new();
    private double _candidateFraction;
    private bool _candidateRetired;
    private long _revision;

    /// <summary>Creates the target with the candidate's share at 0 (reachable only by its pinned users).</summary>
    /// <param name="options">The flag, its variants, seed and pins.</param>
    /// <param name="auditLog">Receives <see cref="FeatureFlagTrafficAuditEvents.AllocationPublished"/>; none when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid (the message lists every broken rule).</exception>
    public FeatureFlagDeploymentTarget(FeatureFlagTrafficOptions options, IAuditLog? auditLog = null, ILogger? logger = null,
        IMeterFactory? meterFactory = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), FeatureFlagTrafficOptionsValidator.Instance,
            FeatureFlagTrafficOptionsCustomValidator.Instance);
        _options = Copy(options);
        _provider = new FeatureFlagAllocationProvider(_options);
        _auditLog = auditLog;
        _logger = logger ?? NullLogger.Instance;
        _telemetry = FeatureFlagTrafficTelemetry.Create(meterFactory);
    }

    /// <summary>The options in use (a copy taken at construction).</summary>
    public FeatureFlagTrafficOptions Options => Copy(_options);

    /// <summary>The candidate's share in the allocation last published.</summary>
    public double CandidateFraction => Volatile.Read(ref _candidateFraction);

    /// <summary>Whether the last published allocation retired the candidate (a rollback).</summary>
    public bool CandidateRetired => Volatile.Read(ref _candidateRetired);

    /// <summary>Returns the provider holding the flag (the same instance every time, so every configuration built from this
    /// source sees each change).</summary>
    /// <param name="builder">The configuration builder (unused).</param>
    /// <returns>The provider.</returns>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="candidateFraction"/> is outside [0, 1] or NaN.</exception>
    public ValueTask SetTrafficAsync(double candidateFraction, CancellationToken cancellationToken)
    {
        if (!(candidateFraction >= 0.0 && candidateFraction <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(candidateFraction), candidateFraction, "A traffic fraction must be in [0, 1].");
        }

        return PublishAsync(candidateFraction, retired: false, reason: null, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or white space.</exception>
    public ValueTask RollBackAsync(string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return PublishAsync(0.0, retired: true, UntrustedText.Bound(reason, 512), cancellationToken);
    }

    private async ValueTask PublishAsync(double fraction, bool retired, string? reason, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long revision;
        lock (_gate)
        {
            using var activity = FeatureFlagTrafficTelemetry.ActivitySource.StartActivity("aigovernance.deployment.feature_flag.publish");
            activity?.SetTag("aigovernance.feature", _options.FeatureName);
            activity?.SetTag("aigovernance.candidate_fraction", fraction);
            activity?.SetTag("aigovernance.candidate_retired", retired);
            revision = ++_revision;
            _provider.Publish(fraction, retired);
            Volatile.Write(ref _candidateFraction, fraction);
            Volatile.Write(ref _candidateRetired, retired);
        }

        var feature = _options.FeatureName!;
        _telemetry.RecordAllocation(feature, fraction, retired);
        if (retired)
        {
            FeatureFlagTrafficLog.CandidateRetired(_logger, feature, revision, reason ?? string.Empty);
        }
        else
        {
            var percent = FeatureFlagAllocationProvider.Percent(fraction);
            FeatureFlagTrafficLog.AllocationPublished(_logger, feature, revision, percent);
        }

        if (_auditLog is not null)
        {
            var payload = new FeatureFlagAuditPayload(feature, revision, fraction, retired, reason);
            var json = JsonSerializer.SerializeToElement(payload, FeatureFlagTrafficJsonContext.Default.FeatureFlagAuditPayload);
            await _auditLog.AppendAsync(new AuditEvent(FeatureFlagTrafficAuditEvents.AllocationPublished, Actor, payload: json), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static FeatureFlagTrafficOptions Copy(FeatureFlagTrafficOptions o) => new()
    {
        FeatureName = o.FeatureName,
        StableVariant = o.StableVariant,
        CandidateVariant = o.CandidateVariant,
        StableConfigurationValue = o.StableConfigurationValue,
        CandidateConfigurationValue = o.CandidateConfigurationValue,
        Seed = o.Seed,
        PinnedCandidateUsers = o.PinnedCandidateUsers is { } c ? [.. c] : null,
        PinnedStableUsers = o.PinnedStableUsers is { } s ? [.. s] : null,
    };
}
