using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiGovernance.Reporting;

/// <summary>The reporting package's meter, <see cref="MeterName"/>, and its instruments.</summary>
/// <remarks>A renderer created by DI gets the meter from the host's <see cref="IMeterFactory"/>; one created without a
/// factory records on a process-wide meter of the same name.</remarks>
public sealed class ReportingTelemetry
{
    /// <summary>The meter's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Reporting";

    private static readonly Lazy<ReportingTelemetry> ProcessWide = new(() => new ReportingTelemetry(new Meter(MeterName)));

    private readonly Counter<long> _rendered;
    private readonly Histogram<long> _size;

    private ReportingTelemetry(Meter meter)
    {
        _rendered = meter.CreateCounter<long>("aigovernance.reporting.rendered", "{report}",
            "Reports rendered, tagged kind (drift, fairness, …) and format (html, markdown, json).");
        _size = meter.CreateHistogram<long>("aigovernance.reporting.size", "By",
            "Size of each rendered report in UTF-16 characters (about bytes for ASCII), tagged kind and format.");
    }

    internal static ReportingTelemetry Create(IMeterFactory? meterFactory) =>
        meterFactory is null ? ProcessWide.Value : new ReportingTelemetry(meterFactory.Create(new MeterOptions(MeterName)));

    internal void RecordRendered(string kind, string format, int length)
    {
        var tags = new TagList { { "kind", kind }, { "format", format } };
        _rendered.Add(1, tags);
        _size.Record(length, tags);
    }
}
