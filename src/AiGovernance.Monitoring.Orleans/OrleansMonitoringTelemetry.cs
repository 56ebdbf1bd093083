using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiGovernance.Monitoring.Orleans;

/// <summary>The package's meter, <see cref="MeterName"/>, its instruments and its <see cref="ActivitySource"/>.</summary>
/// <remarks>
/// <para>Instruments: <c>aigovernance.monitoring.collector.rows</c> ({row}, tagged <c>outcome</c> = recorded, buffer_full,
/// rejected, acknowledged, dropped, late), <c>aigovernance.monitoring.collector.partials</c> ({partial}, tagged
/// <c>outcome</c> = acknowledged, duplicate, late, rejected, failed, dropped), <c>aigovernance.monitoring.window.partials</c>
/// ({partial}, tagged <c>outcome</c> = accepted, duplicate, closed, rejected) and <c>aigovernance.monitoring.window.closed</c>
/// ({window}, tagged <c>drift</c> = true or false).</para>
/// <para>Components created by DI get the meter from the host's <see cref="IMeterFactory"/>; one created without a factory
/// records on a process-wide meter of the same name. Tags are cached, so recording allocates nothing.</para>
/// </remarks>
public sealed class OrleansMonitoringTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Monitoring.Orleans";

    /// <summary>The activity source's name (spans for flushes and window closes).</summary>
    public const string ActivitySourceName = "AiGovernance.Monitoring.Orleans";

    private static readonly Lazy<OrleansMonitoringTelemetry> ProcessWide = new(() => new OrleansMonitoringTelemetry(new Meter(MeterName)));
    private static readonly KeyValuePair<string, object?>[] RowTags = Tags("recorded", "buffer_full", "rejected", "acknowledged", "dropped", "late");
    private static readonly KeyValuePair<string, object?>[] PartialTags = Tags("acknowledged", "duplicate", "late", "rejected", "failed", "dropped");
    private static readonly KeyValuePair<string, object?>[] WindowTags = Tags("accepted", "duplicate", "closed", "rejected");
    private static readonly KeyValuePair<string, object?> DriftTag = new("drift", true);
    private static readonly KeyValuePair<string, object?> NoDriftTag = new("drift", false);

    private readonly Counter<long> _rows;
    private readonly Counter<long> _partials;
    private readonly Counter<long> _windowPartials;
    private readonly Counter<long> _windowsClosed;

    private OrleansMonitoringTelemetry(Meter meter)
    {
        _rows = meter.CreateCounter<long>("aigovernance.monitoring.collector.rows", "{row}",
            "Rows seen by drift collectors, tagged outcome = recorded, buffer_full, rejected, acknowledged, dropped or late.");
        _partials = meter.CreateCounter<long>("aigovernance.monitoring.collector.partials", "{partial}",
            "Partial window profiles flushed by drift collectors, tagged by outcome.");
        _windowPartials = meter.CreateCounter<long>("aigovernance.monitoring.window.partials", "{partial}",
            "Partials received by window grains, tagged outcome = accepted, duplicate, closed or rejected.");
        _windowsClosed = meter.CreateCounter<long>("aigovernance.monitoring.window.closed", "{window}",
            "Windows closed with a drift report, tagged drift = true when a column drifted.");
    }

    /// <summary>The source of the package's activities.</summary>
    internal static ActivitySource Activities { get; } = new(ActivitySourceName);

    internal static OrleansMonitoringTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new OrleansMonitoringTelemetry(meterFactory.Create(new MeterOptions(MeterName)));

    internal void Rows(RowOutcome outcome, long count)
    {
        if (count != 0)
        {
            _rows.Add(count, RowTags[(int)outcome]);
        }
    }

    internal void Partial(PartialOutcome outcome) => _partials.Add(1, PartialTags[(int)outcome]);

    internal void WindowPartial(int outcome) => _windowPartials.Add(1, WindowTags[outcome]);

    internal void WindowClosed(bool drift) => _windowsClosed.Add(1, drift ? DriftTag : NoDriftTag);

    private static KeyValuePair<string, object?>[] Tags(params string[] outcomes) =>
        [.. outcomes.Select(o => new KeyValuePair<string, object?>("outcome", o))];

    /// <summary>What happened to rows, in the order of the tag values.</summary>
    internal enum RowOutcome
    {
        Recorded,
        BufferFull,
        Rejected,
        Acknowledged,
        Dropped,
        Late,
    }

    /// <summary>What happened to a flushed partial, in the order of the tag values.</summary>
    internal enum PartialOutcome
    {
        Acknowledged,
        Duplicate,
        Late,
        Rejected,
        Failed,
        Dropped,
    }
}
