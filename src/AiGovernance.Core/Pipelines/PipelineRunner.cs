using System.Text.Json;
using AiGovernance.Core.Audit;

namespace AiGovernance.Core.Pipelines;

/// <summary>Runs pipelines in order, stopping at the first failure, and records one lineage event per component in
/// the audit log.</summary>
/// <remarks>Thread-safe: one runner may run many pipelines concurrently; each run gets its own identifier.</remarks>
public sealed class PipelineRunner
{
    private const string Actor = "pipeline-runner";
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a runner.</summary>
    /// <param name="auditLog">Receives the lineage events.</param>
    /// <param name="timeProvider">Stamps artifacts and measures durations.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PipelineRunner(IAuditLog auditLog, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _auditLog = auditLog;
        _timeProvider = timeProvider;
    }

    /// <summary>Runs every component in order on <paramref name="input"/>.</summary>
    /// <typeparam name="TIn">The pipeline's input type.</typeparam>
    /// <typeparam name="TOut">The pipeline's output type.</typeparam>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="input">The source artifact.</param>
    /// <param name="cancellationToken">Cancels the run; the cancellation is recorded, then thrown.</param>
    /// <returns>The final artifact with every step, or the step that failed and why (input validation is told apart
    /// from execution failures).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<PipelineRunResult<TOut>> RunAsync<TIn, TOut>(Pipeline<TIn, TOut> pipeline, PipelineArtifact<TIn> input,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(input);
        var runId = Guid.CreateVersion7(_timeProvider.GetUtcNow()).ToString("N");
        var steps = new List<PipelineStepRecord>(pipeline.Steps.Count);
        object current = input;
        foreach (var step in pipeline.Steps)
        {
            var inputReference = ((IPipelineArtifact)current).Reference;
            var started = _timeProvider.GetTimestamp();
            PipelineFailureKind failure;
            string error;
            Exception? exception = null;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                var validation = await step.ValidateAsync(current, cancellationToken).ConfigureAwait(false);
                if (validation.IsValid)
                {
                    var output = await step.ExecuteAsync(current, runId, _timeProvider, cancellationToken).ConfigureAwait(false);
                    var record = new PipelineStepRecord(step.Name, step.Version, inputReference, ((IPipelineArtifact)output).Reference,
                        _timeProvider.GetElapsedTime(started), PipelineFailureKind.None, string.Empty);
                    steps.Add(record);
                    await AppendAsync(PipelineEventTypes.StepCompleted, pipeline.Name, runId, record, CancellationToken.None).ConfigureAwait(false);
                    current = output;
                    continue;
                }

                failure = PipelineFailureKind.InputValidation;
                error = string.Join("; ", validation.Errors);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                var cancelled = new PipelineStepRecord(step.Name, step.Version, inputReference, null,
                    _timeProvider.GetElapsedTime(started), PipelineFailureKind.Execution, "cancelled");
                await AppendAsync(PipelineEventTypes.RunCancelled, pipeline.Name, runId, cancelled, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
#pragma warning disable CA1031 // A component's failure of any kind must stop the run and be recorded, not escape unrecorded.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = PipelineFailureKind.Execution;
                error = $"{ex.GetType().Name}: {ex.Message}";
                exception = ex;
            }

            var failed = new PipelineStepRecord(step.Name, step.Version, inputReference, null, _timeProvider.GetElapsedTime(started), failure, error);
            steps.Add(failed);
            await AppendAsync(PipelineEventTypes.StepFailed, pipeline.Name, runId, failed, CancellationToken.None).ConfigureAwait(false);
            return new PipelineRunResult<TOut>(runId, null, steps, exception);
        }

        return new PipelineRunResult<TOut>(runId, (PipelineArtifact<TOut>)current, steps, null);
    }

    private async Task AppendAsync(string eventType, string pipeline, string runId, PipelineStepRecord step, CancellationToken cancellationToken)
    {
        var payload = new LineagePayload(
            pipeline,
            runId,
            step.Component,
            step.ComponentVersion,
            LineageArtifact.From(step.Input),
            step.Output is null ? null : LineageArtifact.From(step.Output),
            step.Duration.TotalMilliseconds,
            step.Failure == PipelineFailureKind.None ? null : step.Failure.ToString(),
            string.IsNullOrEmpty(step.Error) ? null : step.Error);
        var element = JsonSerializer.SerializeToElement(payload, LineageJsonContext.Default.LineagePayload);
        var digest = step.Output?.Digest ?? default;
        await _auditLog.AppendAsync(new AuditEvent(eventType, Actor, systemId: null, digest, element), cancellationToken).ConfigureAwait(false);
    }
}
