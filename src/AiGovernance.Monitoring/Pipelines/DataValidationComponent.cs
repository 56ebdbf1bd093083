using AiGovernance.Core.Pipelines;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Validation;

namespace AiGovernance.Monitoring.Pipelines;

/// <summary>A pipeline step that validates data against a <see cref="DataSchema"/> and passes it on unchanged, or
/// pauses the pipeline with a <see cref="DataQualityException"/> carrying the full report.</summary>
/// <remarks>The schema's violations are the step's failure: the run's <see cref="PipelineRunResult{TOut}.Exception"/>
/// is the <see cref="DataQualityException"/>, so the caller can read every violation, and the failure is recorded in the
/// audit log with the component's name. Thread-safe.</remarks>
public sealed class DataValidationComponent : IPipelineComponent<TabularData, TabularData>
{
    private readonly DataSchema _schema;

    /// <summary>Creates the step.</summary>
    /// <param name="schema">The schema to enforce.</param>
    /// <param name="name">The step's name in lineage.</param>
    /// <param name="version">The step's version (bump it when the schema changes).</param>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="version"/> is empty.</exception>
    public DataValidationComponent(DataSchema schema, string name = "validate-data", string version = "1")
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _schema = schema;
        Name = name;
        Version = version;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Version { get; }

    /// <inheritdoc />
    public ValueTask<PipelineValidationResult> ValidateInputAsync(PipelineArtifact<TabularData> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ValueTask.FromResult(input.Data is null
            ? PipelineValidationResult.Invalid("the input artifact holds no data")
            : PipelineValidationResult.Valid);
    }

    /// <inheritdoc />
    /// <exception cref="DataQualityException">The data breaks the schema.</exception>
    public ValueTask<TabularData> ExecuteAsync(PipelineArtifact<TabularData> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        _schema.EnsureValid(input.Data);
        return ValueTask.FromResult(input.Data);
    }
}
