using AiGovernance.Core;
using AiGovernance.Monitoring.Responses;
using Spectre.Console;

namespace AiGovernance.Samples.DriftJob.Responses;

/// <summary>Would page the model's on-call channel for medium severity and above.</summary>
internal sealed class OnCallNotifier : IDriftResponseHandler
{
    private readonly ResponseActionLog _log;

    /// <summary>Creates the handler.</summary>
    /// <param name="log">Where the action is reported.</param>
    public OnCallNotifier(ResponseActionLog log) => _log = log;

    /// <inheritdoc />
    public Severity MinimumSeverity => Severity.Medium;

    /// <inheritdoc />
    public ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var channel = context.Plan.HumanReview ? "page the on-call ML engineer and #credit-risk-leads" : "post to #ml-monitoring";
        _log.Record("notify", Color.Yellow,
            $"would {channel}: {context.Event.Kind} on {context.Event.SystemId}, severity {context.Plan.Severity} ({context.Disposition}). " +
                $"{context.Event.Summary}");
        return ValueTask.CompletedTask;
    }
}
