using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using AiGovernance.Core;
using AiGovernance.Core.Audit;
using AiGovernance.Gates.Approvals;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Gates.Decisions;

/// <summary>The use-case, deployment and continuation gates: verify the signed approvals presented against the tier's
/// policy and block unless every required kind has enough valid approvals from distinct allowed reviewers and nobody
/// rejected. A prohibited system is blocked at every gate. Every decision is appended to the audit log.</summary>
/// <remarks>Thread-safe. Verification is delegated to an <see cref="IApprovalVerifier"/>; the gate adds the policy checks
/// (kind required, role allowed for the kind, distinct reviewers). Fail closed on every path: a null approval, an approval
/// the verifier rejects or throws on, and an undecidable request never count towards allowing; the decision is recorded
/// before it is returned, so a failing audit log blocks too. After it is recorded, each <see cref="IGateDecisionObserver"/> is
/// told; an observer that throws or overruns its timeout is logged and counted and changes neither the decision nor the
/// record.</remarks>
public sealed class GovernanceGate
{
    private readonly ApprovalPolicy _policy;
    private readonly IApprovalVerifier _verifier;
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly ContinuationReviewSchedule _schedule;
    private readonly ILogger _logger;
    private readonly GatesTelemetry _telemetry;
    private readonly IGateDecisionObserver[] _observers;
    private readonly TimeSpan _observerTimeout;

    /// <summary>Creates a gate.</summary>
    /// <param name="policy">The approval policy.</param>
    /// <param name="verifier">Verifies signed approvals.</param>
    /// <param name="auditLog">Receives every decision.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="schedule">Decides when continuation reviews are due; the default intervals when null.</param>
    /// <param name="logger">Logs decisions; optional.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <param name="observers">Told about every recorded decision, in order; none when null.</param>
    /// <param name="observerTimeout">How long the gate waits for one observer before it cancels and abandons it; 5 seconds
    /// when null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observerTimeout"/> is not positive.</exception>
    public GovernanceGate(ApprovalPolicy policy, IApprovalVerifier verifier, IAuditLog auditLog, TimeProvider timeProvider,
        ContinuationReviewSchedule? schedule = null, ILogger<GovernanceGate>? logger = null, IMeterFactory? meterFactory = null,
        IEnumerable<IGateDecisionObserver>? observers = null, TimeSpan? observerTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _policy = policy;
        _verifier = verifier;
        _auditLog = auditLog;
        _timeProvider = timeProvider;
        _schedule = schedule ?? new ContinuationReviewSchedule(new ContinuationReviewOptions(), timeProvider);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _telemetry = GatesTelemetry.Create(meterFactory);
        _observers = observers?.ToArray() ?? [];
        _observerTimeout = observerTimeout ?? TimeSpan.FromSeconds(GatesDefaults.ObserverTimeoutSeconds);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_observerTimeout, TimeSpan.Zero, nameof(observerTimeout));
    }

    /// <summary>The approval policy the gate applies.</summary>
    public ApprovalPolicy Policy => _policy;

    /// <summary>Decides and records the decision in the audit log.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels before the decision is recorded.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request's environment or actor is empty, or its gate is undefined.</exception>
    public async ValueTask<GateDecision> EvaluateAsync(GateRequest request, CancellationToken cancellationToken = default)
    {
        using var activity = GatesTelemetry.Activities.StartActivity("aigovernance.gates.decide");
        var decision = await DecideAsync(request, cancellationToken).ConfigureAwait(false);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("aigovernance.gate", GateKindNames.ToWire(decision.Gate));
            activity.SetTag("aigovernance.system", UntrustedText.Bound(decision.SystemId));
            activity.SetTag("aigovernance.environment", UntrustedText.Bound(decision.Environment));
            DecisionActivity.SetDecision(activity, decision.IsAllowed ? "allowed" : "blocked", decision.IsAllowed
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{decision.AcceptedApprovals.Count} valid approval(s) satisfy policy {decision.PolicyVersion} for tier {decision.Tier}")
                : string.Join("; ", decision.Reasons));
        }

        await _auditLog.AppendAsync(ToAuditEvent(request, decision), cancellationToken).ConfigureAwait(false);
        _telemetry.RecordDecision(GateKindNames.ToWire(decision.Gate), decision.IsAllowed);
        if (decision.IsAllowed)
        {
            GatesLog.Allowed(_logger, decision.Gate, decision.SystemId, decision.ArtifactDigest, decision.Environment);
        }
        else
        {
            GatesLog.Blocked(_logger, decision.Gate, decision.SystemId, decision.ArtifactDigest, decision.Environment, decision.Reasons);
        }

        await NotifyObserversAsync(decision).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Decides, records the decision, and throws unless the gate allows.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels before the decision is recorded.</param>
    /// <returns>The allowing decision.</returns>
    /// <exception cref="DeploymentBlockedException">The gate blocks; the exception lists what is missing.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request's environment or actor is empty, or its gate is undefined.</exception>
    public async ValueTask<GateDecision> EnforceAsync(GateRequest request, CancellationToken cancellationToken = default)
    {
        var decision = await EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        return decision.IsAllowed ? decision : throw new DeploymentBlockedException(decision);
    }

    private async ValueTask NotifyObserversAsync(GateDecision decision)
    {
        foreach (var observer in _observers)
        {
            var failure = await ObserverCall.InvokeAsync(observer, decision, static (o, d, ct) => o.OnDecidedAsync(d, ct), _observerTimeout,
                _timeProvider).ConfigureAwait(false);
            if (failure is not null)
            {
                var name = observer.GetType().Name;
                _telemetry.RecordObserverFailure(name, failure is TimeoutException ? "timeout" : failure.GetType().Name);
                GatesLog.ObserverFailed(_logger, failure, name, decision.Gate, decision.SystemId);
            }
        }
    }

    private async ValueTask<GateDecision> DecideAsync(GateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.System, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Artifact, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Approvals, nameof(request));
        if (string.IsNullOrWhiteSpace(request.Environment) || string.IsNullOrWhiteSpace(request.Actor) || !Enum.IsDefined(request.Gate))
        {
            throw new ArgumentException("The request needs a defined gate, an environment and an actor.", nameof(request));
        }

        var now = _timeProvider.GetUtcNow();
        var tier = request.System.RiskTier;
        if (request.Classification is { } classification && classification.Tier > tier)
        {
            tier = classification.Tier;
        }

        var reasons = new List<string>();
        var invalid = new List<InvalidApproval>();
        var rejections = new List<ApprovalRejection>();
        var accepted = new List<AcceptedApproval>();
        var missing = new List<MissingApproval>();
        if (tier == RiskTier.Prohibited)
        {
            reasons.Add("The system is classified as a prohibited practice; no approval can let it through.");
            return Build(request, tier, now, false, missing, invalid, rejections, accepted, reasons);
        }

        ContinuationReviewStatus? review = request.Gate == GateKind.Continuation && request.LastReviewedAt is { } lastReview
            ? _schedule.GetStatus(tier, lastReview, request.ContinuationTriggers ?? [])
            : null;
        if (review is { IsDue: false } notDue)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"The continuation review is not due until {notDue.DueAt:O}."));
            return Build(request, tier, now, true, missing, invalid, rejections, accepted, reasons, review);
        }

        var requirements = _policy.GetRequirements(tier);
        var expectation = new ApprovalExpectation
        {
            Gate = request.Gate,
            SystemId = request.System.Id,
            Environment = request.Environment,
            ArtifactDigest = request.Artifact.Digest,
            PolicyVersion = _policy.Version,
            NotIssuedBefore = review?.ApprovalsNotIssuedBefore,
        };
        var reviewersByKind = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var acceptedIndexes = new List<int>();
        for (var i = 0; i < request.Approvals.Count; i++)
        {
            var envelope = request.Approvals[i];
            if (envelope is null)
            {
                invalid.Add(new InvalidApproval(i, ApprovalFailureReason.MissingSignature, "The approval is null.", null, null));
                continue;
            }

            ApprovalVerification verification;
            try
            {
                verification = await _verifier.VerifyAsync(envelope, expectation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException
                && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // Fail closed: an approval the verifier could not judge does not count, and the decision is still recorded.
                invalid.Add(new InvalidApproval(i, ApprovalFailureReason.VerificationError, $"The verifier failed ({exception.GetType().Name}).",
                    null, null));
                continue;
            }

            var p = verification.Statement?.Predicate;
            if (!verification.IsValid || p is null)
            {
                invalid.Add(new InvalidApproval(i, verification.IsValid ? ApprovalFailureReason.MalformedStatement : verification.Reason,
                    verification.Detail, p?.Kind, p?.ReviewerId));
                continue;
            }

            var requirement = Find(requirements, p.Kind);
            if (requirement is null)
            {
                invalid.Add(new InvalidApproval(i, ApprovalFailureReason.KindNotRequired,
                    $"The {tier} policy does not require {UntrustedText.Quote(p.Kind)}.", p.Kind, p.ReviewerId));
                continue;
            }

            if (!requirement.Allows(p.ReviewerRole))
            {
                invalid.Add(new InvalidApproval(i, ApprovalFailureReason.RoleNotAllowedForKind,
                    $"The role {UntrustedText.Quote(p.ReviewerRole)} may not give {UntrustedText.Quote(p.Kind)}; allowed: " +
                        $"{string.Join(", ", requirement.AllowedRoles)}.", p.Kind, p.ReviewerId));
                continue;
            }

            if (p.Decision == ApprovalDecision.Rejected)
            {
                rejections.Add(new ApprovalRejection(p.Kind, p.ReviewerId, p.ReviewerRole, verification.KeyId!));
                continue;
            }

            if (!reviewersByKind.TryGetValue(p.Kind, out var reviewers))
            {
                reviewersByKind[p.Kind] = reviewers = [];
            }

            if (reviewers.Contains(p.ReviewerId, StringComparer.Ordinal))
            {
                invalid.Add(new InvalidApproval(i, ApprovalFailureReason.DuplicateReviewer, $"Reviewer {p.ReviewerId} already counts for {p.Kind}.",
                    p.Kind, p.ReviewerId));
                continue;
            }

            reviewers.Add(p.ReviewerId);
            accepted.Add(new AcceptedApproval(p.Kind, p.ReviewerId, p.ReviewerRole, verification.KeyId!, p.Nonce, p.ExpiresAt));
            acceptedIndexes.Add(i);
        }

        if (_policy.RequiresDistinctReviewersAcrossKinds(tier))
        {
            ApplySeparationOfDuties(requirements, tier, accepted, acceptedIndexes, reviewersByKind, invalid);
        }

        foreach (var requirement in requirements)
        {
            var count = reviewersByKind.TryGetValue(requirement.Kind, out var reviewers) ? reviewers.Count : 0;
            if (count < requirement.RequiredReviewers)
            {
                missing.Add(new MissingApproval(requirement.Kind, requirement.RequiredReviewers, count));
            }
        }

        foreach (var m in missing)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"Missing {m.Kind}: {m.ValidReviewers} of {m.RequiredReviewers} valid approvals."));
        }

        foreach (var r in rejections)
        {
            reasons.Add($"Rejected: {r.Kind} by {r.ReviewerId} ({r.ReviewerRole}).");
        }

        foreach (var inv in invalid)
        {
            _telemetry.RecordInvalidApproval(inv.Reason.ToString());
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Approval #{inv.Index} invalid ({inv.Reason}): {inv.Detail}"));
        }

        if (review is { IsDue: true } due)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"The continuation review came due at {due.DueAt:O}: {string.Join(" ", due.Reasons)}"));
        }

        var allowed = missing.Count == 0 && rejections.Count == 0;
        if (allowed)
        {
            reasons.Insert(0, $"Every approval the {tier} policy {_policy.Version} requires is present and valid.");
        }

        return Build(request, tier, now, allowed, missing, invalid, rejections, accepted, reasons, review);
    }

    private GateDecision Build(GateRequest request, RiskTier tier, DateTimeOffset now, bool allowed, List<MissingApproval> missing,
        List<InvalidApproval> invalid, List<ApprovalRejection> rejections, List<AcceptedApproval> accepted, List<string> reasons,
        ContinuationReviewStatus? review = null) => new()
        {
            Gate = request.Gate,
            SystemId = request.System.Id,
            ArtifactDigest = request.Artifact.Digest,
            Environment = request.Environment,
            Tier = tier,
            PolicyVersion = _policy.Version,
            IsAllowed = allowed,
            MissingApprovals = missing,
            InvalidApprovals = invalid,
            Rejections = rejections,
            AcceptedApprovals = accepted,
            Reasons = reasons,
            DecidedAt = now,
            ContinuationReview = review,
        };

    /// <summary>Keeps one approval kind per reviewer (a maximum assignment of reviewers to the kinds' slots); the others
    /// become invalid with <see cref="ApprovalFailureReason.SameReviewerAcrossKinds"/>, and the counts per kind follow.</summary>
    private static void ApplySeparationOfDuties(IReadOnlyList<ApprovalRequirement> requirements, RiskTier tier, List<AcceptedApproval> accepted,
        List<int> acceptedIndexes, Dictionary<string, List<string>> reviewersByKind, List<InvalidApproval> invalid)
    {
        var keep = SeparationOfDuties.Keep(requirements, [.. accepted.Select(a => (a.ReviewerId, a.Kind))]);
        var countsFor = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var a = 0; a < accepted.Count; a++)
        {
            if (keep[a])
            {
                countsFor[accepted[a].ReviewerId] = accepted[a].Kind;
            }
        }

        for (var a = accepted.Count - 1; a >= 0; a--)
        {
            if (keep[a])
            {
                continue;
            }

            var dropped = accepted[a];
            reviewersByKind[dropped.Kind].Remove(dropped.ReviewerId);
            invalid.Add(new InvalidApproval(acceptedIndexes[a], ApprovalFailureReason.SameReviewerAcrossKinds,
                $"Reviewer {dropped.ReviewerId} already counts for {countsFor[dropped.ReviewerId]}; "
                    + $"the {tier} policy requires a different person for each approval kind.",
                dropped.Kind, dropped.ReviewerId));
            accepted.RemoveAt(a);
            acceptedIndexes.RemoveAt(a);
        }

        invalid.Sort(static (x, y) => x.Index.CompareTo(y.Index));
    }

    private static ApprovalRequirement? Find(IReadOnlyList<ApprovalRequirement> requirements, string kind)
    {
        foreach (var requirement in requirements)
        {
            if (string.Equals(requirement.Kind, kind, StringComparison.Ordinal))
            {
                return requirement;
            }
        }

        return null;
    }

    private static AuditEvent ToAuditEvent(GateRequest request, GateDecision decision)
    {
        var json = new GateDecisionAuditJson
        {
            Gate = GateKindNames.ToWire(decision.Gate),
            Environment = decision.Environment,
            Tier = decision.Tier.ToString(),
            PolicyVersion = decision.PolicyVersion,
            Allowed = decision.IsAllowed,
            Missing = [.. decision.MissingApprovals.Select(m => m.Kind)],
            Invalid = [.. decision.InvalidApprovals.Select(i => i.Reason.ToString())],
            Rejections = [.. decision.Rejections.Select(r => r.Kind + ":" + r.ReviewerId)],
            Accepted = [.. decision.AcceptedApprovals.Select(a => a.Kind + ":" + a.ReviewerId + ":" + a.Nonce)],
            Approvals = [.. decision.AcceptedApprovals.Select(a => new GateDecisionAuditJson.ApprovalJson
            {
                Kind = a.Kind, Reviewer = a.ReviewerId, Role = a.ReviewerRole, KeyId = a.KeyId, Nonce = a.Nonce, ExpiresAt = a.ExpiresAt,
            })],
            Reasons = [.. decision.Reasons],
        };
        var payload = JsonSerializer.SerializeToElement(json, GatesJsonContext.Default.GateDecisionAuditJson);
        return new AuditEvent(GatesAuditEvents.GateDecided(decision.Gate), request.Actor, decision.SystemId, decision.ArtifactDigest, payload);
    }
}
