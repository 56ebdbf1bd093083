using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AiGovernance.Deployment.Recording;
using AiGovernance.Shared;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Reads the service's own OpenTelemetry latency histogram in process (<see cref="MeterListener"/>), so a service
/// that records request latency with OpenTelemetry feeds the canary analysis without recording it a second time.</summary>
/// <remarks>
/// <para>Every measurement of the configured histogram (<see cref="OpenTelemetryCanaryMetricSourceOptions.InstrumentName"/>,
/// values in <see cref="OpenTelemetryCanaryMetricSourceOptions.MeasurementUnit"/>) with a rollout tag and a baseline or
/// candidate variant tag is recorded in that rollout's <see cref="CanaryRecorder"/> — lock-free, allocation-free once the
/// rollout is known; a failure is a measurement whose outcome tag equals
/// <see cref="OpenTelemetryCanaryMetricSourceOptions.ErrorOutcome"/>. Measurements without those tags, with another
/// variant, negative or NaN values, or of rollouts beyond <see cref="OpenTelemetryCanaryMetricSourceOptions.MaxRollouts"/>
/// are not recorded and are counted in <see cref="DroppedMeasurements"/>. Instruments created before the source are found
/// too (the listener is told of every published instrument when it starts).</para>
/// <para>Window: an in-process source has no history. <see cref="ReadAsync"/> returns everything recorded since the source
/// started, whatever <see cref="CanaryMetricQuery.Start"/> says; subtract an earlier snapshot
/// (<see cref="CanarySnapshot.Subtract"/>) for a stage. Sub-bucket counts are not recorded (the histogram has no unit
/// identity), see <see cref="ICanaryMetricSource"/>.</para>
/// <para>Dispose to stop listening.</para>
/// </remarks>
public sealed class OpenTelemetryCanaryMetricSource : ICanaryMetricSource, IDisposable
{
    private readonly OpenTelemetryCanaryMetricSourceOptions _options;
    private readonly ConcurrentDictionary<string, CanaryRecorder> _recorders = new(StringComparer.Ordinal);
    private readonly MeterListener _listener;
    private readonly long _unitTicks;
    private long _dropped;

    /// <summary>Creates the source and starts listening.</summary>
    /// <param name="options">Which histogram, and its tags.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid (the message lists every problem).</exception>
    public OpenTelemetryCanaryMetricSource(OpenTelemetryCanaryMetricSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsGuard.ThrowIfInvalid(options, nameof(options), OpenTelemetryCanaryMetricSourceOptionsValidator.Instance);
        _options = options;
        _unitTicks = options.MeasurementUnit.Ticks;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == _options.InstrumentName && (_options.MeterName is null || instrument.Meter.Name == _options.MeterName))
                {
                    listener.EnableMeasurementEvents(instrument, this);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>(
            static (_, value, tags, state) => ((OpenTelemetryCanaryMetricSource)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((OpenTelemetryCanaryMetricSource)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((OpenTelemetryCanaryMetricSource)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((OpenTelemetryCanaryMetricSource)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Creates the source from DI options.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OpenTelemetryCanaryMetricSource(IOptions<OpenTelemetryCanaryMetricSourceOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Measurements seen but not recorded (missing or unknown tags, invalid values, too many rollouts).</summary>
    public long DroppedMeasurements => Interlocked.Read(ref _dropped);

    /// <summary>Everything recorded for <paramref name="rollout"/> since the source started.</summary>
    /// <param name="rollout">The rollout tag's value.</param>
    /// <returns>The snapshot; empty for a rollout never seen.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rollout"/> is null.</exception>
    public CanarySnapshot Snapshot(string rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return _recorders.TryGetValue(rollout, out var recorder)
            ? recorder.Snapshot()
            : new CanarySnapshot(VariantSnapshot.Empty, VariantSnapshot.Empty);
    }

    /// <inheritdoc />
    public ValueTask<CanarySnapshot> ReadAsync(CanaryMetricQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Snapshot(query.Rollout));
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();

    private void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? rollout = null, variant = null;
        var isError = false;
        foreach (var tag in tags)
        {
            if (tag.Key == _options.RolloutTag)
            {
                rollout = tag.Value as string;
            }
            else if (tag.Key == _options.VariantTag)
            {
                variant = tag.Value as string;
            }
            else if (tag.Key == _options.OutcomeTag)
            {
                isError = tag.Value as string == _options.ErrorOutcome;
            }
        }

        var ticks = value * _unitTicks;
        var isBaseline = variant == _options.BaselineVariant;
        if (rollout is null || !(ticks >= 0) || !(isBaseline || variant == _options.CandidateVariant) || RecorderFor(rollout) is not { } recorder)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var latency = TimeSpan.FromTicks(ticks >= LatencyBuckets.MaxTrackableTicks ? LatencyBuckets.MaxTrackableTicks : (long)Math.Round(ticks));
        (isBaseline ? recorder.Baseline : recorder.Candidate).Record(latency, isError);
    }

    private CanaryRecorder? RecorderFor(string rollout)
    {
        if (_recorders.TryGetValue(rollout, out var recorder))
        {
            return recorder;
        }

        lock (_recorders)
        {
            return _recorders.Count >= _options.MaxRollouts && !_recorders.ContainsKey(rollout)
                ? null
                : _recorders.GetOrAdd(rollout, static _ => new CanaryRecorder());
        }
    }
}
