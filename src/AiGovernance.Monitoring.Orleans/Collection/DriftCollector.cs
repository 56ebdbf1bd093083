using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Orleans.Windows;
using AiGovernance.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AiGovernance.Monitoring.Orleans.Collection;

/// <summary>Records a model's inputs and outputs per request in a service replica, summarises them per window as mergeable
/// profiles, and flushes the partial profiles to the window grains.</summary>
/// <remarks>
/// <para><b>Request path.</b> <see cref="Record"/> claims a slot in a preallocated buffer block with one atomic increment,
/// copies the row and returns: no lock, no allocation, no I/O, no wait. When every block holds rows the background fold has
/// not reached, the row is dropped and counted (<see cref="DriftCollectorStatus.BufferFullRows"/>) — recording never
/// blocks the request.</para>
/// <para><b>Background.</b> <see cref="FlushAsync"/> (called every <see cref="OrleansMonitoringOptions.FlushInterval"/> or
/// after <see cref="OrleansMonitoringOptions.FlushRows"/> rows by the hosted flush service) folds the blocks into one
/// <see cref="WindowProfile"/> per window, cuts each into a <see cref="DriftPartial"/> with a fresh idempotency key, and
/// sends the waiting partials in order through a Polly pipeline (retry with exponential backoff and jitter, a timeout per
/// attempt). A partial is forgotten only when its window acknowledged it (after persisting it); otherwise it waits, unchanged
/// and under the same key, for the next flush, so a resend after a lost acknowledgement is never counted twice. While the
/// cluster is unreachable the collector keeps recording; beyond <see cref="OrleansMonitoringOptions.MaxPendingPartials"/>
/// waiting partials the oldest is dropped and reported (log, metric, <see cref="DriftCollectorStatus.DroppedRows"/>).</para>
/// <para><b>Cost.</b> Measured by <c>DriftCollectorBenchmarks</c> (benchmarks/results/drift-collector.md): the request path
/// is allocation-free; the fold costs the profiles' amortised O(log k) per numeric value.</para>
/// <para>Thread-safe: any number of threads may call <see cref="Record"/>; flushes are serialised.</para>
/// </remarks>
public sealed class DriftCollector : IDisposable
{
    private static int _instances;

    private readonly DriftReference _reference;
    private readonly IDriftPartialSink _sink;
    private readonly OrleansMonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OrleansMonitoringTelemetry _telemetry;
    private readonly ResiliencePipeline _pipeline;
    private readonly ConcurrentQueue<RowBlock> _free = new();
    private readonly ConcurrentQueue<RowBlock> _full = new();
    private readonly SemaphoreSlim _flushLock = new(1, 1);
    private readonly Dictionary<long, WindowProfile> _open = [];
    private readonly Queue<PendingPartial> _pending = new();
    private readonly long _windowTicks;
    private readonly long _epochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private readonly int _numericWidth;
    private readonly int _categoricalWidth;
    private readonly string[] _numericNames;
    private readonly string[] _categoricalNames;
    private RowBlock _current;
    private long _recorded;
    private long _bufferFull;
    private long _invalid;
    private long _folded;
    private long _acknowledged;
    private long _dropped;
    private long _late;
    private long _rejected;
    private long _rowsSinceFlush;
    private long _flushSequence;
    private long _bufferFullReported;
    private string? _lastError;

    /// <summary>Creates a collector.</summary>
    /// <param name="systemId">The AI system recorded.</param>
    /// <param name="reference">The system's fitted reference: it decides the columns and the bins.</param>
    /// <param name="sink">Where partials go (usually a <see cref="GrainDriftPartialSink"/>).</param>
    /// <param name="options">Window length, flush cadence, buffer and retry settings; checked by the same validators as in DI.</param>
    /// <param name="timeProvider">Assigns rows to windows; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Logs flush failures and drops.</param>
    /// <param name="meterFactory">Creates the package's meter; the process-wide meter when null.</param>
    /// <param name="pipeline">The flush resilience pipeline; one built from the options when null.</param>
    /// <param name="source">The name partials carry (a replica name); machine name, process id and an instance number when null.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is not a valid system id, or the options are invalid.</exception>
    public DriftCollector(
        string systemId,
        DriftReference reference,
        IDriftPartialSink sink,
        OrleansMonitoringOptions options,
        TimeProvider? timeProvider = null,
        ILogger<DriftCollector>? logger = null,
        IMeterFactory? meterFactory = null,
        ResiliencePipeline? pipeline = null,
        string? source = null)
    {
        DriftWindowKey.ValidateSystemId(systemId);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sink);
        OptionsGuard.ThrowIfInvalid(options, nameof(options), OrleansMonitoringOptionsValidator.Instance,
            OrleansMonitoringOptionsCustomValidator.Instance);
        SystemId = systemId;
        _reference = reference;
        _sink = sink;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _telemetry = OrleansMonitoringTelemetry.Create(meterFactory);
        _pipeline = pipeline ?? CreatePipeline(options);
        _windowTicks = options.WindowLength.Ticks;
        Source = source ?? string.Create(CultureInfo.InvariantCulture,
            $"{Environment.MachineName}:{Environment.ProcessId}:{Interlocked.Increment(ref _instances)}");
        var shape = NewProfile();
        _numericWidth = shape.NumericColumnCount;
        _categoricalWidth = shape.CategoricalColumnCount;
        _numericNames = [.. Enumerable.Range(0, _numericWidth).Select(shape.GetNumericColumnName)];
        _categoricalNames = [.. Enumerable.Range(0, _categoricalWidth).Select(shape.GetCategoricalColumnName)];
        _current = NewBlock();
        for (var i = 1; i < options.BufferBlocks; i++)
        {
            _free.Enqueue(NewBlock());
        }
    }

    /// <summary>The AI system recorded.</summary>
    public string SystemId { get; }

    /// <summary>The name carried by this collector's partials.</summary>
    public string Source { get; }

    /// <summary>The numeric columns, in the order <see cref="Record"/> expects their values.</summary>
    public IReadOnlyList<string> NumericColumns => _numericNames;

    /// <summary>The categorical columns, in the order <see cref="Record"/> expects their values.</summary>
    public IReadOnlyList<string> CategoricalColumns => _categoricalNames;

    /// <summary>Raised (on the recording thread) when a flush is due early: a buffer block filled up. Must return quickly.</summary>
    internal event Action? FlushDue;

    /// <summary>Creates the flush pipeline the options describe: retry (exponential backoff with jitter) around a timeout per attempt.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static ResiliencePipeline CreatePipeline(OrleansMonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder();
        ConfigurePipeline(builder, options);
        return builder.Build();
    }

    /// <summary>Records one row; returns at once.</summary>
    /// <param name="numericValues">The numeric columns' values in <see cref="NumericColumns"/> order; NaN is missing.</param>
    /// <param name="categoricalValues">The categorical columns' values in <see cref="CategoricalColumns"/> order; null is missing.</param>
    /// <returns>True when the row was recorded; false when it was dropped (every buffer block full) or refused (an
    /// infinite value). Either way it is counted in the status.</returns>
    /// <exception cref="ArgumentException">A span's length does not match the columns (a programming error).</exception>
    /// <remarks>Allocation-free and lock-free: one clock read, two or three atomic increments and a copy of the row.</remarks>
    public bool Record(ReadOnlySpan<double> numericValues, ReadOnlySpan<string?> categoricalValues)
    {
        if (numericValues.Length != _numericWidth || categoricalValues.Length != _categoricalWidth)
        {
            throw new ArgumentException(
                $"Expected {_numericWidth} numeric and {_categoricalWidth} categorical values, got {numericValues.Length} and " +
                    $"{categoricalValues.Length}.");
        }

        foreach (var value in numericValues)
        {
            if (double.IsInfinity(value))
            {
                Interlocked.Increment(ref _invalid);
                return false;
            }
        }

        var now = _time.GetUtcNow().UtcTicks;
        var window = now - ((now - _epochTicks) % _windowTicks);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var block = Volatile.Read(ref _current);
            var slot = block.TryClaim();
            if (slot >= 0)
            {
                block.Write(slot, window, numericValues, categoricalValues);
                Interlocked.Increment(ref _recorded);
                return true;
            }

            if (!TryAdvance(block))
            {
                break;
            }
        }

        if (Interlocked.Increment(ref _bufferFull) % _options.BlockRows == 1)
        {
            FlushDue?.Invoke();
        }

        return false;
    }

    /// <summary>Folds the buffered rows, cuts partials and sends every waiting partial; called by the hosted flush service.</summary>
    /// <param name="cancellationToken">Stops waiting for the cluster (unsent partials keep waiting).</param>
    /// <returns>The status after the flush.</returns>
    public async ValueTask<DriftCollectorStatus> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = OrleansMonitoringTelemetry.Activities.StartActivity("aigovernance.monitoring.collector.flush");
            FoldAll();
            CutPartials();
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _rowsSinceFlush, 0);
            return GetStatus();
        }
        finally
        {
            _flushLock.Release();
        }
    }

    /// <summary>A snapshot of the collector's counters.</summary>
    /// <returns>The status.</returns>
    public DriftCollectorStatus GetStatus()
    {
        long pendingRows = 0;
        int pendingCount;
        lock (_pending)
        {
            foreach (var p in _pending)
            {
                pendingRows += p.Partial.RowCount;
            }

            pendingCount = _pending.Count;
        }

        var recorded = Interlocked.Read(ref _recorded);
        var folded = Interlocked.Read(ref _folded);
        lock (_open)
        {
            foreach (var profile in _open.Values)
            {
                pendingRows += profile.RowCount;
            }
        }

        return new DriftCollectorStatus
        {
            RecordedRows = recorded,
            BufferFullRows = Interlocked.Read(ref _bufferFull),
            InvalidRows = Interlocked.Read(ref _invalid),
            AcknowledgedRows = Interlocked.Read(ref _acknowledged),
            DroppedRows = Interlocked.Read(ref _dropped),
            LateRows = Interlocked.Read(ref _late),
            RejectedRows = Interlocked.Read(ref _rejected),
            BufferedRows = Math.Max(0, recorded - folded),
            PendingPartials = pendingCount,
            PendingRows = pendingRows,
            LastError = Volatile.Read(ref _lastError),
        };
    }

    /// <summary>Releases the flush lock. Unflushed rows are not sent: flush first.</summary>
    public void Dispose() => _flushLock.Dispose();

    /// <summary>Whether enough rows were folded since the last flush to flush early.</summary>
    internal bool IsFlushDueByRows => Interlocked.Read(ref _rowsSinceFlush) >= _options.FlushRows;

    internal static void ConfigurePipeline(ResiliencePipelineBuilder builder, OrleansMonitoringOptions options)
    {
        if (options.FlushRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.FlushRetryAttempts,
                Delay = options.FlushRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.FlushAttemptTimeout });
    }

    /// <summary>Folds the buffered rows without sending (frees buffer blocks early); serialised with flushes.</summary>
    internal async ValueTask FoldAsync(CancellationToken cancellationToken)
    {
        await _flushLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            FoldAll();
        }
        finally
        {
            _flushLock.Release();
        }
    }

    /// <summary>Folds what the request path buffered (sealing the current block too) into the per-window profiles.</summary>
    private void FoldAll()
    {
        var bufferFull = Interlocked.Read(ref _bufferFull);
        if (bufferFull != _bufferFullReported)
        {
            _telemetry.Rows(OrleansMonitoringTelemetry.RowOutcome.BufferFull, bufferFull - _bufferFullReported);
            OrleansMonitoringLog.BufferFull(_logger, SystemId, bufferFull);
            _bufferFullReported = bufferFull;
        }

        var current = Volatile.Read(ref _current);
        if (current.ClaimedInEpoch > 0 && _free.TryDequeue(out var next))
        {
            if (Interlocked.CompareExchange(ref _current, next, current) == current)
            {
                _full.Enqueue(current);
            }
            else
            {
                _free.Enqueue(next);
            }
        }

        while (_full.TryDequeue(out var block))
        {
            Fold(block);
        }
    }

    private bool TryAdvance(RowBlock block)
    {
        if (Volatile.Read(ref _current) != block)
        {
            return true;
        }

        if (!_free.TryDequeue(out var next))
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _current, next, block) == block)
        {
            _full.Enqueue(block);
            FlushDue?.Invoke();
        }
        else
        {
            _free.Enqueue(next);
        }

        return true;
    }

    private void Fold(RowBlock block)
    {
        var rows = block.Seal();
        var invalid = 0L;
        lock (_open)
        {
            for (var r = 0; r < rows; r++)
            {
                var window = block.Windows[r];
                if (!_open.TryGetValue(window, out var profile))
                {
                    profile = NewProfile();
                    _open.Add(window, profile);
                }

                try
                {
                    profile.AddRow(
                        block.Numbers.AsSpan(r * _numericWidth, _numericWidth),
                        block.Labels.AsSpan(r * _categoricalWidth, _categoricalWidth));
                }
                catch (ArgumentException)
                {
                    invalid++;
                }
            }
        }

        block.Recycle(rows);
        _free.Enqueue(block);
        Interlocked.Add(ref _folded, rows - invalid);
        Interlocked.Add(ref _invalid, invalid);
        Interlocked.Add(ref _recorded, -invalid);
        Interlocked.Add(ref _rowsSinceFlush, rows - invalid);
        _telemetry.Rows(OrleansMonitoringTelemetry.RowOutcome.Recorded, rows - invalid);
        _telemetry.Rows(OrleansMonitoringTelemetry.RowOutcome.Rejected, invalid);
    }

    private void CutPartials()
    {
        List<(long Window, WindowProfile Profile)> cut;
        lock (_open)
        {
            cut = [.. _open.Where(e => e.Value.RowCount > 0).OrderBy(e => e.Key).Select(e => (e.Key, e.Value))];
            _open.Clear();
        }

        lock (_pending)
        {
            foreach (var (window, profile) in cut)
            {
                var key = new DriftWindowKey(SystemId, new DateTimeOffset(window, TimeSpan.Zero));
                var partial = new DriftPartial
                {
                    FlushId = string.Create(CultureInfo.InvariantCulture,
                        $"{Source}#{Interlocked.Increment(ref _flushSequence)}#{Guid.CreateVersion7(_time.GetUtcNow()):N}"),
                    Source = Source,
                    WindowLength = _options.WindowLength,
                    ProfileJson = profile.ToJson(),
                    RowCount = profile.RowCount,
                };
                _pending.Enqueue(new PendingPartial(key, partial));
            }

            while (_pending.Count > _options.MaxPendingPartials)
            {
                var oldest = _pending.Dequeue();
                Interlocked.Add(ref _dropped, oldest.Partial.RowCount);
                _telemetry.Partial(OrleansMonitoringTelemetry.PartialOutcome.Dropped);
                _telemetry.Rows(OrleansMonitoringTelemetry.RowOutcome.Dropped, oldest.Partial.RowCount);
                OrleansMonitoringLog.PartialDropped(_logger, SystemId, _options.MaxPendingPartials, oldest.Partial.RowCount, oldest.Window.Start);
            }
        }
    }

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            PendingPartial next;
            lock (_pending)
            {
                if (!_pending.TryPeek(out next!))
                {
                    Volatile.Write(ref _lastError, null);
                    return;
                }
            }

            PartialReceipt receipt;
            try
            {
                receipt = await _pipeline.ExecuteAsync(
                    static (state, ct) => state.Sink.SendAsync(state.Next.Window, state.Next.Partial, ct),
                    (Sink: _sink, Next: next),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                int waiting;
                lock (_pending)
                {
                    waiting = _pending.Count;
                }

                Volatile.Write(ref _lastError, e.Message);
                _telemetry.Partial(OrleansMonitoringTelemetry.PartialOutcome.Failed);
                OrleansMonitoringLog.FlushFailed(_logger, SystemId, next.Partial.RowCount, e.Message, waiting);
                return;
            }

            lock (_pending)
            {
                _pending.Dequeue();
            }

            Settle(next, receipt);
        }
    }

    private void Settle(PendingPartial sent, PartialReceipt receipt)
    {
        var rows = sent.Partial.RowCount;
        switch (receipt.Outcome)
        {
            case PartialOutcome.Accepted:
            case PartialOutcome.Duplicate:
                Interlocked.Add(ref _acknowledged, rows);
                _telemetry.Partial(receipt.Outcome == PartialOutcome.Accepted
                    ? OrleansMonitoringTelemetry.PartialOutcome.Acknowledged
                    : OrleansMonitoringTelemetry.PartialOutcome.Duplicate);
                _telemetry.Rows(OrleansMonitoringTelemetry.RowOutcome.Acknowledged, rows);
                break;
            case PartialOutcome.WindowClosed:
                Interlocked.Add(ref _late, rows);
                _telemetry.Partial(OrleansMonitoringTelemetry.PartialOutcome.Late);
                _telemetry.Rows(OrleansMonitoringTelemetry.RowOutcome.Late, rows);
                OrleansMonitoringLog.PartialLate(_logger, SystemId, sent.Window.Start, rows);
                break;
            default:
                Interlocked.Add(ref _rejected, rows);
                _telemetry.Partial(OrleansMonitoringTelemetry.PartialOutcome.Rejected);
                OrleansMonitoringLog.PartialRejected(_logger, SystemId, rows, receipt.Reason);
                break;
        }
    }

    private WindowProfile NewProfile() => WindowProfile.Create(_reference, _options.SketchK, 0, _options.CategoryCap);

    private RowBlock NewBlock() => new(_options.BlockRows, _numericWidth, _categoricalWidth);

    private sealed record PendingPartial(DriftWindowKey Window, DriftPartial Partial);
}
