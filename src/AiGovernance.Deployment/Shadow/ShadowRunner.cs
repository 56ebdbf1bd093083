using AiGovernance.Deployment.Recording;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiGovernance.Deployment.Shadow;

/// <summary>Serves every request from the baseline while running the candidate on the same input in the background,
/// recording latencies, failures and whether the outputs agree.</summary>
/// <typeparam name="TInput">The request.</typeparam>
/// <typeparam name="TOutput">The model's output.</typeparam>
/// <remarks>
/// <para>The caller always gets the baseline's result (or the baseline's exception). The candidate starts on the thread
/// pool at the same time, so a candidate that blocks, throws synchronously or hangs never delays or fails the caller;
/// its exceptions and timeouts are recorded and logged, never rethrown.</para>
/// <para>At most <see cref="ShadowRunnerOptions.MaxConcurrentCandidates"/> candidate runs are in flight; a run holds its
/// slot until its task really ends (even past the timeout), so a candidate that ignores cancellation cannot pile up
/// work: further requests are then served without a shadow run and counted as skipped.</para>
/// <para>Thread-safe. Time comes from the <see cref="TimeProvider"/>.</para>
/// </remarks>
public sealed class ShadowRunner<TInput, TOutput>
{
    private readonly Func<TInput, CancellationToken, ValueTask<TOutput>> _baseline;
    private readonly Func<TInput, CancellationToken, ValueTask<TOutput>> _candidate;
    private readonly IEqualityComparer<TOutput> _comparer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _maxConcurrent;
    private readonly TimeSpan _timeout;
    private readonly VariantRecorder _baselineRecorder = new();
    private readonly VariantRecorder _candidateRecorder = new();
    private readonly Lock _slotGate = new();
    private int _inFlight;
    private TaskCompletionSource? _idle;
    private long _timeouts;
    private long _skipped;
    private long _compared;
    private long _agreements;

    /// <summary>Creates a shadow runner.</summary>
    /// <param name="baseline">The production model; its result is returned to the caller.</param>
    /// <param name="candidate">The model under evaluation; its result is only recorded.</param>
    /// <param name="options">Concurrency bound and timeout; defaults when null.</param>
    /// <param name="comparer">Decides whether two outputs agree; <see cref="EqualityComparer{T}.Default"/> when null.</param>
    /// <param name="timeProvider">The clock for latencies and the timeout; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Receives candidate failures; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/> or <paramref name="candidate"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message lists every one).</exception>
    public ShadowRunner(
        Func<TInput, CancellationToken, ValueTask<TOutput>> baseline,
        Func<TInput, CancellationToken, ValueTask<TOutput>> candidate,
        ShadowRunnerOptions? options = null,
        IEqualityComparer<TOutput>? comparer = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        options ??= new ShadowRunnerOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), ShadowRunnerOptionsValidator.Instance);
        _baseline = baseline;
        _candidate = candidate;
        _comparer = comparer ?? EqualityComparer<TOutput>.Default;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _maxConcurrent = options.MaxConcurrentCandidates;
        _timeout = options.CandidateTimeout;
    }

    /// <summary>Runs the baseline for the caller and the candidate in the background.</summary>
    /// <param name="input">The request.</param>
    /// <param name="cancellationToken">Cancels the baseline call (the candidate run is governed by its own timeout).</param>
    /// <returns>The baseline's output.</returns>
    /// <exception cref="Exception">Whatever the baseline throws; never what the candidate throws.</exception>
    public async ValueTask<TOutput> RunAsync(TInput input, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<TOutput>? baselineOutcome = null;
        if (TryAcquireSlot())
        {
            baselineOutcome = new TaskCompletionSource<TOutput>(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = RunCandidateAsync(input, baselineOutcome.Task);
        }
        else
        {
            Interlocked.Increment(ref _skipped);
        }

        var start = _timeProvider.GetTimestamp();
        TOutput output;
        try
        {
            output = await _baseline(input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            _baselineRecorder.Record(_timeProvider.GetElapsedTime(start), isError: true);
            baselineOutcome?.TrySetCanceled(CancellationToken.None);
            throw;
        }

        _baselineRecorder.Record(_timeProvider.GetElapsedTime(start));
        baselineOutcome?.TrySetResult(output);
        return output;
    }

    /// <summary>What the runner has seen so far.</summary>
    /// <returns>An immutable snapshot.</returns>
    public ShadowSnapshot Snapshot()
    {
        // Comparisons are counted before agreements and read after them, so agreements never exceed comparisons.
        var agreements = Interlocked.Read(ref _agreements);
        var compared = Interlocked.Read(ref _compared);
        return new ShadowSnapshot(
            _baselineRecorder.Snapshot(),
            _candidateRecorder.Snapshot(),
            Interlocked.Read(ref _timeouts),
            Interlocked.Read(ref _skipped),
            compared,
            agreements);
    }

    /// <summary>Completes when no candidate run is in flight (for graceful shutdown and tests).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when idle.</returns>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_slotGate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private bool TryAcquireSlot()
    {
        lock (_slotGate)
        {
            if (_inFlight >= _maxConcurrent)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    private void ReleaseSlot()
    {
        lock (_slotGate)
        {
            _inFlight--;
            if (_inFlight == 0 && _idle is not null)
            {
                _idle.TrySetResult();
                _idle = null;
            }
        }
    }

    private async Task RunCandidateAsync(TInput input, Task<TOutput> baselineOutcome)
    {
        // The source lives until the candidate's task ends (it may start late on a busy pool, after the timeout).
        var cancellation = new CancellationTokenSource();
        var token = cancellation.Token;
        var start = _timeProvider.GetTimestamp();
        var candidateTask = Task.Run(() => _candidate(input, token).AsTask(), CancellationToken.None);
        try
        {
            await ObserveCandidateAsync(candidateTask, cancellation, start, baselineOutcome).ConfigureAwait(false);
        }
        finally
        {
            // The slot is freed only once the bookkeeping is done and the candidate's task has really ended.
            _ = candidateTask.ContinueWith(
                (_, state) =>
                {
                    ((CancellationTokenSource)state!).Dispose();
                    ReleaseSlot();
                },
                cancellation,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>Whether <paramref name="exception"/> was thrown by the candidate itself rather than by the timeout (the
    /// continuation may run after the candidate finished, so completion alone does not tell them apart).</summary>
    private static bool IsCandidateException(Task<TOutput> candidateTask, Exception exception) =>
        candidateTask.IsFaulted && candidateTask.Exception?.InnerExceptions.Contains(exception) == true;

    private async Task ObserveCandidateAsync(Task<TOutput> candidateTask, CancellationTokenSource cancellation, long start,
        Task<TOutput> baselineOutcome)
    {
        TOutput candidateOutput;
        try
        {
            candidateOutput = await candidateTask.WaitAsync(_timeout, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException timeout) when (!IsCandidateException(candidateTask, timeout))
        {
            await cancellation.CancelAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _timeouts);
            _candidateRecorder.Record(_timeout, isError: true);
            DeploymentLog.ShadowCandidateTimedOut(_logger, _timeout);
            return;
        }
        catch (Exception exception)
        {
            _candidateRecorder.Record(_timeProvider.GetElapsedTime(start), isError: true);
            DeploymentLog.ShadowCandidateFailed(_logger, exception);
            return;
        }

        _candidateRecorder.Record(_timeProvider.GetElapsedTime(start));
        try
        {
            var baselineOutput = await baselineOutcome.ConfigureAwait(false);
            bool agree;
            try
            {
                agree = _comparer.Equals(baselineOutput, candidateOutput);
            }
            catch (Exception exception)
            {
                DeploymentLog.ShadowComparerFailed(_logger, exception);
                agree = false;
            }

            Interlocked.Increment(ref _compared);
            if (agree)
            {
                Interlocked.Increment(ref _agreements);
            }
        }
        catch (OperationCanceledException)
        {
            // The baseline failed: there is nothing to compare with.
        }
    }
}
