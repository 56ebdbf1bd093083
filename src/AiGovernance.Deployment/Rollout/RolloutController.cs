using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Deployment.Rollout;

/// <summary>Drives a staged rollout: shadow → canary stages → completed, or paused, or rolled back; analyzes each stage's
/// traffic, asks the rollout checks, moves traffic through the <see cref="IDeploymentTarget"/> and rolls back automatically.</summary>
/// <remarks>
/// <para>Each evaluation compares the traffic recorded since the stage began (a snapshot difference) with
/// <see cref="CanaryAnalyzer"/>, for the routing <see cref="Design"/>; in sequential mode the always-valid p-value
/// carries over between evaluations of a stage, and the mixture is taken from the plan's minimum detectable effect.
/// <see cref="CanaryDecision.RollbackImmediately"/> from the analysis, or <see cref="RolloutCheckOutcome.RollBack"/> from any
/// <see cref="IRolloutCheck"/>, rolls back at once. A stage
/// advances only when the analysis says <see cref="CanaryDecision.ProceedToFullRollout"/>, its minimum duration and
/// sample are reached and every rollout check agrees; entering the 100% stage completes the rollout.</para>
/// <para>Thread-safe and idempotent: evaluations and commands are serialized, so concurrent calls produce each
/// transition once; <see cref="Status"/> is read without locking. Every transition is appended to the audit log
/// (<c>deployment.rollout.transition</c>) and logged, then told to each <see cref="IRolloutObserver"/>; an observer that throws
/// or overruns <see cref="RolloutResilienceOptions.ObserverTimeout"/> is logged and counted and changes nothing.</para>
/// <para>Faulty targets: every call to the <see cref="IDeploymentTarget"/> is time-boxed by
/// <see cref="RolloutResilienceOptions.TargetCallTimeout"/> on the <see cref="TimeProvider"/>, so a hanging target cannot
/// hold the controller (and with it every later rollback). A rollback that throws or times out is retried with exponential
/// back-off; each failed attempt is audited (<c>deployment.rollout.rollback_attempt_failed</c>, with the exception type
/// but not its message). When every attempt fails, or the caller cancels mid-rollback, the rollout becomes
/// <see cref="RolloutState.RollbackFailed"/> (audited, logged as critical): it never advances again, and each later
/// evaluation or <see cref="RollBackAsync"/> retries the rollback. A traffic change that throws or times out leaves the
/// rollout at its current stage and is audited (<c>deployment.rollout.traffic_change_failed</c>) before the exception
/// reaches the caller.</para>
/// <para>Durable and single-acting: every transition is saved in the <see cref="IRolloutStateStore"/> before the controller
/// acts on it (before traffic moves or a rollback starts), and a controller only acts while it holds the rollout's lease
/// (<see cref="RolloutLease"/>, renewed by every operation and, while monitoring, by a timer at a third of its duration).
/// A controller without the lease is on standby: it reports the stored state and changes nothing. The first operation
/// after the lease is taken (a restart, or a takeover from a holder that stopped renewing) resumes from the stored state
/// and re-applies it to the target — traffic for a canary stage, or the rollback for a rolled-back rollout, which therefore
/// never advances again. The traffic window of a resumed stage starts afresh (the recorder's counts live in the process);
/// its duration counts from the stored stage start. Choose a lease longer than the longest evaluation (target time-outs
/// and rollback retries), since saves are fenced but target calls already under way are not.</para>
/// </remarks>
public sealed class RolloutController : IDisposable, IAsyncDisposable
{
    private const string Actor = "AiGovernance.Deployment";
    private readonly RolloutPlan _plan;
    private readonly IDeploymentTarget _target;
    private readonly CanaryRecorder _recorder;
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly CanaryAnalysisOptions _analysisOptions;
    private readonly IRolloutCheck[] _checks;
    private readonly IRolloutObserver[] _observers;
    private readonly ILogger _logger;
    private readonly RolloutResilienceOptions _resilience;
    private readonly DeploymentTelemetry _telemetry;
    private readonly SemaphoreSlim _serial = new(1, 1);
    private RolloutStatus _status;
    private CanarySnapshot _stageStart;
    private double _alwaysValidPValue = 1.0;
    private string? _fairnessViolation;
    private string? _securityIncident;
    private string? _pendingRollbackReason;
    private ITimer? _timer;
    private ITimer? _leaseTimer;
    private readonly IRolloutStateStore _store;
    private readonly TimeSpan _leaseDuration;
    private long _version;
    private long _leaseEpoch = -1;
    private bool _holdsLease;

    /// <summary>Creates a controller in the <see cref="RolloutState.Shadow"/> state (no candidate traffic).</summary>
    /// <param name="plan">The stages.</param>
    /// <param name="target">What receives traffic changes and rollbacks.</param>
    /// <param name="recorder">The canary traffic recorder the service records into.</param>
    /// <param name="auditLog">Receives every transition.</param>
    /// <param name="timeProvider">The clock for stage durations and the monitoring timer.</param>
    /// <param name="analysisOptions">Canary analysis thresholds; defaults when null.</param>
    /// <param name="checks">Additional rollout checks, asked in order; none when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="resilience">Time-boxing and rollback retries; defaults when null.</param>
    /// <param name="stateStore">Where the rollout's state and lease are kept; a private in-memory store when null (one
    /// controller, nothing survives the process).</param>
    /// <param name="instanceId">This controller's lease holder id; the machine name, process id and a random suffix when
    /// null. A stable id (for example a pod name) lets a restarted controller take its lease back at once.</param>
    /// <param name="leaseDuration">How long a lease lasts unless renewed; 60 seconds when null.</param>
    /// <param name="meterFactory">Creates the package's meter; when null a process-wide meter is used.</param>
    /// <param name="observers">Told about every recorded transition, in order, each time-boxed by
    /// <see cref="RolloutResilienceOptions.ObserverTimeout"/>; none when null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="analysisOptions"/> or <paramref name="resilience"/> is invalid (the
    /// message lists every broken rule).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaseDuration"/> is not positive.</exception>
    public RolloutController(
        RolloutPlan plan,
        IDeploymentTarget target,
        CanaryRecorder recorder,
        IAuditLog auditLog,
        TimeProvider timeProvider,
        CanaryAnalysisOptions? analysisOptions = null,
        IEnumerable<IRolloutCheck>? checks = null,
        ILogger? logger = null,
        RolloutResilienceOptions? resilience = null,
        IRolloutStateStore? stateStore = null,
        string? instanceId = null,
        TimeSpan? leaseDuration = null,
        IMeterFactory? meterFactory = null,
        IEnumerable<IRolloutObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _plan = plan;
        _target = target;
        _recorder = recorder;
        _auditLog = auditLog;
        _timeProvider = timeProvider;
        _analysisOptions = analysisOptions ?? new CanaryAnalysisOptions();
        OptionsGuard.ThrowIfInvalid(_analysisOptions, nameof(analysisOptions), CanaryAnalysisOptionsValidator.Instance);
        _checks = checks?.ToArray() ?? [];
        _observers = observers?.ToArray() ?? [];
        _logger = logger ?? NullLogger.Instance;
        _resilience = resilience ?? new RolloutResilienceOptions();
        OptionsGuard.ThrowIfInvalid(_resilience, nameof(resilience), RolloutResilienceOptionsValidator.Instance,
            RolloutResilienceOptionsCustomValidator.Instance);
        _telemetry = DeploymentTelemetry.Create(meterFactory);
        _status = new RolloutStatus(RolloutState.Shadow, -1, 0.0, timeProvider.GetUtcNow(), "Created in shadow mode.", null);
        _store = stateStore ?? new InMemoryRolloutStateStore();
        InstanceId = string.IsNullOrWhiteSpace(instanceId)
            ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}")
            : instanceId;
        _leaseDuration = leaseDuration ?? TimeSpan.FromSeconds(60);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_leaseDuration, TimeSpan.Zero, nameof(leaseDuration));
        Design = target is CanaryRouterTarget routerTarget ? routerTarget.Router.Design : RoutingDesign.PerRequest;
    }

    /// <summary>What the router randomises, which decides the statistics of each evaluation.</summary>
    /// <value>The default value is the router's <see cref="CanaryRouter.Design"/> when the target is a
    /// <see cref="CanaryRouterTarget"/>, otherwise <see cref="RoutingDesign.PerRequest"/> (weighted traffic splitting by
    /// a proxy or mesh routes each request on its own).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined design.</exception>
    public RoutingDesign Design
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown routing design.");
    }

    /// <summary>This controller's lease holder id.</summary>
    public string InstanceId { get; }

    /// <summary>Whether this controller held the rollout's lease at its last operation (and so may act).</summary>
    public bool HoldsLease => Volatile.Read(ref _holdsLease);

    /// <summary>The plan.</summary>
    public RolloutPlan Plan => _plan;

    /// <summary>The current status (read without locking).</summary>
    public RolloutStatus Status => Volatile.Read(ref _status);

    /// <summary>Business metrics to compare at each evaluation, if any.</summary>
    public Func<CancellationToken, ValueTask<IReadOnlyList<BusinessMetric>>>? BusinessMetrics { get; init; }

    /// <summary>Moves from shadow to the first canary stage.</summary>
    /// <param name="reason">Why (for example the shadow analysis that passed).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new status; unchanged when the rollout is past shadow mode.</returns>
    public async ValueTask<RolloutStatus> StartCanaryAsync(string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LeadAsync(static (c, r, ct) => c._status.State == RolloutState.Shadow
                ? c.EnterStageAsync(0, r, null, ct)
                : ValueTask.FromResult(c._status), reason, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Analyzes the current stage and advances, waits or rolls back; after a failed rollback
    /// (<see cref="RolloutState.RollbackFailed"/>) it retries the rollback instead.</summary>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The status afterwards; unchanged outside the canary and rollback-failed states.</returns>
    public async ValueTask<RolloutStatus> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LeadAsync(static (c, _, ct) => c.EvaluateCoreAsync(ct), string.Empty, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Suspends evaluation, keeping the current traffic.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The status; unchanged unless the rollout was in a canary stage.</returns>
    public ValueTask<RolloutStatus> PauseAsync(string reason, CancellationToken cancellationToken = default) =>
        CommandAsync(RolloutState.Canary, RolloutState.Paused, reason, cancellationToken);

    /// <summary>Resumes a paused rollout at its current stage.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The status; unchanged unless the rollout was paused.</returns>
    public ValueTask<RolloutStatus> ResumeAsync(string reason, CancellationToken cancellationToken = default) =>
        CommandAsync(RolloutState.Paused, RolloutState.Canary, reason, cancellationToken);

    /// <summary>Rolls back now (a manual trigger), retrying a failing target with back-off. Idempotent.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the command; cancelling mid-rollback leaves the rollout
    /// <see cref="RolloutState.RollbackFailed"/>.</param>
    /// <returns>The status: <see cref="RolloutState.RolledBack"/>, or <see cref="RolloutState.RollbackFailed"/> when every
    /// attempt failed.</returns>
    public async ValueTask<RolloutStatus> RollBackAsync(string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LeadAsync(static (c, r, ct) => c.RollBackCoreAsync(r, c._status.LastAnalysis, ct), reason, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Signals a critical fairness violation; the next evaluation rolls back.</summary>
    /// <param name="description">What was found.</param>
    public void SignalFairnessViolation(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Volatile.Write(ref _fairnessViolation, description);
    }

    /// <summary>Signals a security incident related to the candidate; the next evaluation rolls back.</summary>
    /// <param name="description">What happened.</param>
    public void SignalSecurityIncident(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Volatile.Write(ref _securityIncident, description);
    }

    /// <summary>Evaluates every <paramref name="interval"/> on the <see cref="TimeProvider"/> until stopped or disposed.</summary>
    /// <param name="interval">The period, for example 5 minutes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public void StartMonitoring(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var timer = _timeProvider.CreateTimer(static state => _ = ((RolloutController)state!).EvaluateSafelyAsync(), this, interval, interval);
        Interlocked.Exchange(ref _timer, timer)?.Dispose();
        var renewal = _leaseDuration / 3;
        var leaseTimer = _timeProvider.CreateTimer(static state => _ = ((RolloutController)state!).RenewLeaseSafelyAsync(), this, renewal, renewal);
        Interlocked.Exchange(ref _leaseTimer, leaseTimer)?.Dispose();
    }

    /// <summary>Stops periodic evaluation and lease renewal (the lease lapses after its duration).</summary>
    public void StopMonitoring()
    {
        Interlocked.Exchange(ref _timer, null)?.Dispose();
        Interlocked.Exchange(ref _leaseTimer, null)?.Dispose();
    }

    /// <summary>Gives up the lease so that a standby controller can take over at once (for example on shutdown).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    public async ValueTask ReleaseLeaseAsync(CancellationToken cancellationToken = default)
    {
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Volatile.Write(ref _holdsLease, false);
            await _store.ReleaseLeaseAsync(_plan.Name, InstanceId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Stops monitoring (the lease lapses after its duration; call <see cref="ReleaseLeaseAsync"/> to hand it over at once).</summary>
    public void Dispose() => StopMonitoring();

    /// <summary>Stops monitoring.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        StopMonitoring();
        return ValueTask.CompletedTask;
    }

    private async Task EvaluateSafelyAsync()
    {
        try
        {
            await EvaluateAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            DeploymentLog.RolloutEvaluationFailed(_logger, _plan.Name, exception);
        }
    }

    private async Task RenewLeaseSafelyAsync()
    {
        if (!await _serial.WaitAsync(0).ConfigureAwait(false))
        {
            return;   // an operation is under way and renews the lease itself
        }

        try
        {
            await EnsureLeaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            DeploymentLog.RolloutEvaluationFailed(_logger, _plan.Name, exception);
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>Runs <paramref name="operation"/> only while this controller holds the lease; otherwise (or when the lease is
    /// lost during the operation) reports the stored state as a standby. Callers hold <see cref="_serial"/>.</summary>
    private async ValueTask<RolloutStatus> LeadAsync(Func<RolloutController, string, CancellationToken, ValueTask<RolloutStatus>> operation,
        string argument, CancellationToken cancellationToken)
    {
        var lease = await EnsureLeaseAsync(cancellationToken).ConfigureAwait(false);
        if (lease.HolderId != InstanceId)
        {
            return await StandbyAsync(lease, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await operation(this, argument, cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            Volatile.Write(ref _holdsLease, false);
            return await StandbyAsync(lease, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<RolloutLease> EnsureLeaseAsync(CancellationToken cancellationToken)
    {
        var lease = await _store.TryAcquireLeaseAsync(_plan.Name, InstanceId, _timeProvider.GetUtcNow(), _leaseDuration, cancellationToken)
            .ConfigureAwait(false);
        if (lease.HolderId != InstanceId)
        {
            Volatile.Write(ref _holdsLease, false);
            return lease;
        }

        if (!_holdsLease || lease.Epoch != _leaseEpoch)
        {
            // Newly taken: another controller (or this one before a restart) may have moved the rollout since.
            await ResumeFromStoreAsync(cancellationToken).ConfigureAwait(false);
            _leaseEpoch = lease.Epoch;
            Volatile.Write(ref _holdsLease, true);
            DeploymentLog.LeaseTaken(_logger, _plan.Name, InstanceId, lease.Epoch, _status.State);
        }

        return lease;
    }

    /// <summary>Loads the stored state and re-applies it to the target, so the target agrees with what was persisted.</summary>
    private async ValueTask ResumeFromStoreAsync(CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(_plan.Name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            _version = 0;
            return;
        }

        _version = stored.Version;
        _stageStart = _recorder.Snapshot();
        _alwaysValidPValue = 1.0;
        var resumed = new RolloutStatus(stored.State, stored.StageIndex, stored.TrafficFraction, stored.StageStartedAt, stored.Reason, null);
        Volatile.Write(ref _status, resumed);
        switch (stored.State)
        {
            case RolloutState.Canary or RolloutState.Paused or RolloutState.Completed:
                await CallTargetAsync(static (target, state, token) => target.SetTrafficAsync(state.Fraction, token),
                    (Fraction: stored.TrafficFraction, stored.Reason), cancellationToken).ConfigureAwait(false);
                break;
            case RolloutState.RolledBack:
                await CallTargetAsync(static (target, state, token) => target.RollBackAsync(state.Reason, token),
                    (Fraction: 0.0, stored.Reason), cancellationToken).ConfigureAwait(false);
                break;
            case RolloutState.RollbackFailed:
                _pendingRollbackReason = stored.Reason;
                break;
        }
    }

    private async ValueTask<RolloutStatus> StandbyAsync(RolloutLease lease, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(_plan.Name, cancellationToken).ConfigureAwait(false);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Standby: controller {lease.HolderId} holds the rollout's lease until {lease.ExpiresAt:O}; this controller does not act.");
        var status = stored is null
            ? _status with { Reason = reason }
            : new RolloutStatus(stored.State, stored.StageIndex, stored.TrafficFraction, stored.StageStartedAt, reason, null);
        Volatile.Write(ref _status, status);
        return status;
    }

    /// <summary>Saves <paramref name="status"/> as the next version, fenced by the lease; throws <see cref="LeaseLostException"/>
    /// when another controller took over.</summary>
    private async ValueTask PersistAsync(RolloutStatus status, CancellationToken cancellationToken)
    {
        var record = new RolloutStateRecord(_plan.Name, status.State, status.StageIndex, status.TrafficFraction, status.StageStartedAt,
            status.Reason, _version + 1);
        if (!await _store.TrySaveAsync(record, InstanceId, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            DeploymentLog.LeaseLost(_logger, _plan.Name, InstanceId);
            throw new LeaseLostException();
        }

        _version = record.Version;
    }

    private async ValueTask<RolloutStatus> CommandAsync(RolloutState from, RolloutState to, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LeadAsync(async (c, r, ct) =>
            {
                if (c._status.State != from)
                {
                    return c._status;
                }

                var next = c._status with { State = to, Reason = r };
                await c.TransitionAsync(next, ct).ConfigureAwait(false);
                return next;
            }, reason, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    private async ValueTask<RolloutStatus> EvaluateCoreAsync(CancellationToken cancellationToken)
    {
        var status = _status;
        if (status.State == RolloutState.RollbackFailed)
        {
            return await RollBackCoreAsync(_pendingRollbackReason ?? status.Reason, status.LastAnalysis, cancellationToken).ConfigureAwait(false);
        }

        if (status.State != RolloutState.Canary)
        {
            return status;
        }

        var stage = _plan.Stages[status.StageIndex];
        var window = _recorder.Snapshot().Subtract(_stageStart);
        var metrics = BusinessMetrics is { } provider ? await provider(cancellationToken).ConfigureAwait(false) : [];
        var observation = new CanaryObservation(window, stage.TrafficFraction)
        {
            BusinessMetrics = metrics,
            FairnessViolation = Volatile.Read(ref _fairnessViolation),
            SecurityIncident = Volatile.Read(ref _securityIncident),
            PreviousAlwaysValidPValue = _alwaysValidPValue,
            Design = Design,
        };
        var analysis = CanaryAnalyzer.Analyze(observation, _analysisOptions, _plan.MinimumDetectableEffect);
        if (analysis.ErrorRate is { Test: ErrorRateTest.MixtureSequential or ErrorRateTest.MixtureSequentialDeltaMethod } errorRate)
        {
            _alwaysValidPValue = errorRate.PValue;
        }

        _telemetry.RecordDecision(_plan.Name, analysis.Decision);
        _telemetry.RecordErrorRates(_plan.Name, window.Baseline.ErrorRate, window.Candidate.ErrorRate);
        if (analysis.Decision == CanaryDecision.RollbackImmediately)
        {
            return await RollBackCoreAsync("Automatic rollback. " + analysis.Explanation, analysis, cancellationToken).ConfigureAwait(false);
        }

        if (analysis.Decision != CanaryDecision.ProceedToFullRollout)
        {
            return Wait(analysis.Explanation);
        }

        var elapsed = _timeProvider.GetUtcNow() - status.StageStartedAt;
        if (elapsed < stage.MinDuration)
        {
            return Wait($"Stage {status.StageIndex + 1} has run {elapsed} of its minimum {stage.MinDuration}.");
        }

        if (analysis.BaselineRequests < stage.MinRequestsPerVariant || analysis.CandidateRequests < stage.MinRequestsPerVariant)
        {
            return Wait($"Stage {status.StageIndex + 1} has {analysis.BaselineRequests} baseline and {analysis.CandidateRequests} candidate "
                + $"requests of the {stage.MinRequestsPerVariant} each required.");
        }

        var context = new RolloutCheckContext(_plan.Name, status.StageIndex, stage, analysis);
        foreach (var check in _checks)
        {
            var result = await check.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == RolloutCheckOutcome.RollBack)
            {
                return await RollBackCoreAsync($"Automatic rollback by check {check.Name}: {result.Reason}", analysis,
                    cancellationToken).ConfigureAwait(false);
            }

            if (result.Outcome != RolloutCheckOutcome.Proceed)
            {
                return Wait($"Check {check.Name} holds: {result.Reason}");
            }
        }

        return await EnterStageAsync(status.StageIndex + 1, $"Stage {status.StageIndex + 1} passed. " + analysis.Explanation, analysis,
            cancellationToken).ConfigureAwait(false);

        RolloutStatus Wait(string reason)
        {
            var waiting = _status with { Reason = reason, LastAnalysis = analysis };
            Volatile.Write(ref _status, waiting);
            return waiting;
        }
    }

    private async ValueTask<RolloutStatus> EnterStageAsync(int index, string reason, CanaryAnalysis? analysis, CancellationToken cancellationToken)
    {
        var fraction = _plan.Stages[index].TrafficFraction;
        var state = fraction >= 1.0 ? RolloutState.Completed : RolloutState.Canary;
        var next = new RolloutStatus(state, index, fraction, _timeProvider.GetUtcNow(), reason, analysis);
        var previous = _status;
        await PersistAsync(next, cancellationToken).ConfigureAwait(false);
        try
        {
            await CallTargetAsync(static (target, state, token) => target.SetTrafficAsync(state.Fraction, token),
                (Fraction: fraction, Reason: reason), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The traffic did not move: the stored state goes back to where the rollout still is.
            await PersistAsync(previous, CancellationToken.None).ConfigureAwait(false);
            DeploymentLog.TrafficChangeFailed(_logger, _plan.Name, fraction, exception);
            await AppendFailureAsync(DeploymentAuditEvents.TrafficChangeFailed, exception, 1, fraction).ConfigureAwait(false);
            throw;
        }

        _stageStart = _recorder.Snapshot();
        _alwaysValidPValue = 1.0;
        await TransitionAsync(next, cancellationToken, persisted: true).ConfigureAwait(false);
        return next;
    }

    private async ValueTask<RolloutStatus> RollBackCoreAsync(string reason, CanaryAnalysis? analysis, CancellationToken cancellationToken)
    {
        if (_status.State is RolloutState.RolledBack)
        {
            return _status;
        }

        _pendingRollbackReason = reason;
        if (_status.State != RolloutState.RollbackFailed)
        {
            // Persisted before the target is touched: a controller that restarts after this point rolls back again and
            // never advances the candidate.
            await PersistAsync(_status with { State = RolloutState.RolledBack, TrafficFraction = 0.0, Reason = reason }, cancellationToken)
                .ConfigureAwait(false);
        }

        Exception? lastFailure = null;
        var attempts = 0;
        try
        {
            for (var attempt = 1; attempt <= _resilience.RollbackMaxAttempts; attempt++)
            {
                if (attempt > 1)
                {
                    await Task.Delay(_resilience.DelayBefore(attempt), _timeProvider, cancellationToken).ConfigureAwait(false);
                }

                attempts = attempt;
                try
                {
                    await CallTargetAsync(static (target, state, token) => target.RollBackAsync(state.Reason, token), (Fraction: 0.0, Reason: reason),
                        cancellationToken).ConfigureAwait(false);
                    lastFailure = null;
                    break;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // A target's own failure counts as a failed attempt even when the caller cancels meanwhile; only the
                    // caller's cancellation ends the retries (below).
                    lastFailure = exception;
                    DeploymentLog.RollbackAttemptFailed(_logger, _plan.Name, attempt, _resilience.RollbackMaxAttempts, exception);
                    await AppendFailureAsync(DeploymentAuditEvents.RollbackAttemptFailed, exception, attempt,
                        _status.TrafficFraction).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up mid-rollback: whether the target rolled back is unknown, so the rollout must say so.
            await MarkRollbackFailedAsync(reason, analysis, attempts, exception).ConfigureAwait(false);
            throw;
        }

        if (lastFailure is not null)
        {
            return await MarkRollbackFailedAsync(reason, analysis, attempts, lastFailure).ConfigureAwait(false);
        }

        var finalReason = attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $"{reason} (rolled back on attempt {attempts})") : reason;
        var next = _status with
        {
            State = RolloutState.RolledBack,
            TrafficFraction = 0.0,
            StageStartedAt = _timeProvider.GetUtcNow(),
            Reason = finalReason,
            LastAnalysis = analysis,
        };
        await TransitionAsync(next, CancellationToken.None).ConfigureAwait(false);
        _pendingRollbackReason = null;
        DeploymentLog.RolloutRolledBack(_logger, _plan.Name, reason);
        return next;
    }

    private async ValueTask<RolloutStatus> MarkRollbackFailedAsync(string reason, CanaryAnalysis? analysis, int attempts, Exception? failure)
    {
        var failed = _status with
        {
            State = RolloutState.RollbackFailed,
            StageStartedAt = _timeProvider.GetUtcNow(),
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"Rollback failed after {attempts} attempt(s) ({failure?.GetType().Name ?? "cancelled"}); traffic may still reach the candidate " +
                    $"and an operator must act. Rollback reason: {reason}"),
            LastAnalysis = analysis,
        };
        if (_status.State != RolloutState.RollbackFailed)
        {
            await TransitionAsync(failed, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            Volatile.Write(ref _status, failed);
        }

        DeploymentLog.RollbackFailed(_logger, _plan.Name, attempts, failure);
        return failed;
    }

    /// <summary>Calls the target, time-boxed on the clock: a target that ignores cancellation and hangs is abandoned (its
    /// eventual failure observed) and the call fails with <see cref="TimeoutException"/>.</summary>
    private async ValueTask CallTargetAsync(Func<IDeploymentTarget, (double Fraction, string Reason), CancellationToken, ValueTask> call,
        (double Fraction, string Reason) state, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = call(_target, state, attempt.Token).AsTask();
        try
        {
            await task.WaitAsync(_resilience.TargetCallTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!task.IsCompleted)
        {
            await attempt.CancelAsync().ConfigureAwait(false);
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private async ValueTask AppendFailureAsync(string eventType, Exception exception, int attempt, double trafficFraction)
    {
        var payload = new RolloutFailureAuditPayload(_plan.Name, _status.State.ToString(), attempt, _resilience.RollbackMaxAttempts, trafficFraction,
            exception.GetType().Name, exception is TimeoutException);
        var json = JsonSerializer.SerializeToElement(payload, DeploymentJsonContext.Default.RolloutFailureAuditPayload);
        await _auditLog.AppendAsync(new AuditEvent(eventType, Actor, payload: json), CancellationToken.None).ConfigureAwait(false);
    }

    private async ValueTask TransitionAsync(RolloutStatus next, CancellationToken cancellationToken, bool persisted = false)
    {
        if (!persisted)
        {
            await PersistAsync(next, cancellationToken).ConfigureAwait(false);
        }

        var previous = _status;
        await _auditLog.AppendAsync(new AuditEvent(DeploymentAuditEvents.RolloutTransition, Actor, payload: Payload(previous, next)),
            cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _status, next);
        _telemetry.RecordTransition(_plan.Name, next.State.ToString());
        _telemetry.RecordTrafficFraction(_plan.Name, next.TrafficFraction);
        DeploymentLog.RolloutTransition(_logger, _plan.Name, previous.State, next.State, next.TrafficFraction, next.Reason);
        await NotifyObserversAsync(new RolloutTransition(_plan.Name, previous, next, _timeProvider.GetUtcNow())).ConfigureAwait(false);
    }

    private async ValueTask NotifyObserversAsync(RolloutTransition transition)
    {
        foreach (var observer in _observers)
        {
            var failure = await ObserverCall.InvokeAsync(observer, transition, static (o, t, ct) => o.OnTransitionAsync(t, ct),
                _resilience.ObserverTimeout, _timeProvider).ConfigureAwait(false);
            if (failure is not null)
            {
                var name = observer.GetType().Name;
                _telemetry.RecordObserverFailure(_plan.Name, name, failure is TimeoutException ? "timeout" : failure.GetType().Name);
                DeploymentLog.ObserverFailed(_logger, failure, name, _plan.Name, transition.Current.State);
            }
        }
    }

    private JsonElement Payload(RolloutStatus previous, RolloutStatus next)
    {
        var payload = new RolloutTransitionAuditPayload(_plan.Name, previous.State.ToString(), next.State.ToString(), previous.StageIndex,
            next.StageIndex, next.TrafficFraction, next.Reason, next.LastAnalysis?.Decision.ToString());
        return JsonSerializer.SerializeToElement(payload, DeploymentJsonContext.Default.RolloutTransitionAuditPayload);
    }

    /// <summary>Another controller took the lease between this controller's check and its save.</summary>
    private sealed class LeaseLostException : Exception;
}
