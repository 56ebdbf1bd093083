using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiGovernance.Dashboard;

/// <summary>The dashboard's meter, <see cref="MeterName"/>, its instruments and its activity source.</summary>
/// <remarks>Instruments: <c>aigovernance.dashboard.requests</c> (<c>{request}</c>, tags <c>page</c> and <c>outcome</c> =
/// served, refused, not_found or failed), <c>aigovernance.dashboard.render.duration</c> (<c>s</c>, tag <c>page</c>: reading the
/// stores and rendering, the server time of a page) and <c>aigovernance.dashboard.actions</c> (<c>{action}</c>, tag
/// <c>action</c>). Created from the host's <see cref="IMeterFactory"/>.</remarks>
public sealed class DashboardTelemetry
{
    /// <summary>The meter's and the activity source's name, for example for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AiGovernance.Dashboard";

    internal static readonly ActivitySource ActivitySource = new(MeterName);

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _renderDuration;
    private readonly Counter<long> _actions;

    internal DashboardTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(MeterName));
        _requests = meter.CreateCounter<long>("aigovernance.dashboard.requests", "{request}",
            "Dashboard requests, tagged page and outcome (served, refused, not_found, failed).");
        _renderDuration = meter.CreateHistogram<double>("aigovernance.dashboard.render.duration", "s",
            "Server time to read the stores and render one page, tagged page.");
        _actions = meter.CreateCounter<long>("aigovernance.dashboard.actions", "{action}",
            "State-changing actions performed (verify, acknowledge), tagged action.");
    }

    internal void RecordRequest(string page, string outcome) =>
        _requests.Add(1, new KeyValuePair<string, object?>("page", page), new KeyValuePair<string, object?>("outcome", outcome));

    internal void RecordRender(string page, TimeSpan elapsed) =>
        _renderDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("page", page));

    internal void RecordAction(string action) => _actions.Add(1, new KeyValuePair<string, object?>("action", action));
}
