using System.Text.Json;
using AiGovernance.Core.Audit;

namespace AiGovernance.Core.Pipelines;

/// <summary>Answers "what produced artifact X?" from the audit log alone.</summary>
public sealed class PipelineLineage
{
    private readonly IAuditLog _auditLog;

    /// <summary>Creates a lineage query over an audit log.</summary>
    /// <param name="auditLog">The log the pipeline runner wrote to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="auditLog"/> is null.</exception>
    public PipelineLineage(IAuditLog auditLog)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        _auditLog = auditLog;
    }

    /// <summary>Traces the chain of components that produced an artifact, back to its source.</summary>
    /// <param name="artifact">The artifact (matched by name and version; the digest must agree when both sides have one).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The links from the source artifact to <paramref name="artifact"/>; empty when the log never saw it produced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="artifact"/> is null.</exception>
    /// <remarks>O(records in the log): one pass indexes every completed step by its output.</remarks>
    public async Task<IReadOnlyList<LineageStep>> TraceAsync(ArtifactReference artifact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var producedBy = new Dictionary<(string Name, string Version), LineageStep>();
        await foreach (var record in _auditLog.ReadAsync(1, cancellationToken).ConfigureAwait(false))
        {
            if (record.EventType != PipelineEventTypes.StepCompleted || record.Payload is not { } payloadElement)
            {
                continue;
            }

            var payload = payloadElement.Deserialize(LineageJsonContext.Default.LineagePayload);
            if (payload?.Output is null)
            {
                continue;
            }

            var output = payload.Output.ToReference();
            producedBy[(output.Name, output.Version)] = new LineageStep(payload.Pipeline, payload.Run, payload.Component,
                payload.ComponentVersion, payload.Input.ToReference(), output, TimeSpan.FromMilliseconds(payload.DurationMs),
                record.Sequence, record.Timestamp);
        }

        var chain = new List<LineageStep>();
        var current = artifact;
        while (producedBy.TryGetValue((current.Name, current.Version), out var step)
            && (current.Digest.IsEmpty || step.Output.Digest.IsEmpty || current.Digest == step.Output.Digest)
            && chain.Count <= producedBy.Count)
        {
            chain.Add(step);
            current = step.Input;
        }

        chain.Reverse();
        return chain;
    }
}
