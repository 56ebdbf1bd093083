using AiGovernance.Core;

namespace AiGovernance.Monitoring.Responses;

/// <summary>Acts on drift events: alerts, switches to human review, queues retraining, rolls back. Register any number
/// in DI with <c>AddDriftResponseHandler&lt;T&gt;()</c>; the <see cref="DriftResponseWorkflow"/> orchestrates them.</summary>
/// <remarks>A handler that throws is recorded as a failed action; the other handlers still run and the event is kept.</remarks>
public interface IDriftResponseHandler
{
    /// <summary>The lowest severity this handler acts on.</summary>
    Severity MinimumSeverity { get; }

    /// <summary>Acts on one event.</summary>
    /// <param name="context">The event, its plan and disposition.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    /// <returns>A task that completes when the action is done.</returns>
    ValueTask HandleAsync(DriftResponseContext context, CancellationToken cancellationToken);
}
