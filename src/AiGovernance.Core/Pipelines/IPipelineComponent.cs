using System.Text.Json.Serialization.Metadata;

namespace AiGovernance.Core.Pipelines;

/// <summary>One independent, testable step of an AI workflow (ingestion, validation, preprocessing, feature
/// engineering, training, evaluation) that turns an input artifact into an output artifact.</summary>
/// <typeparam name="TIn">The input data type.</typeparam>
/// <typeparam name="TOut">The output data type.</typeparam>
public interface IPipelineComponent<TIn, TOut>
{
    /// <summary>The component's name; also the name of the artifacts it produces.</summary>
    string Name { get; }

    /// <summary>The component's version (code and parameters); recorded in lineage.</summary>
    string Version { get; }

    /// <summary>How to serialise the output to compute its content digest; <see langword="null"/> when the output is
    /// bytes (hashed directly) or cannot be hashed.</summary>
    JsonTypeInfo<TOut>? OutputTypeInfo => null;

    /// <summary>Checks the input before execution; a refusal stops the pipeline as an input-validation failure.</summary>
    /// <param name="input">The input artifact.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>Whether the input is acceptable.</returns>
    ValueTask<PipelineValidationResult> ValidateInputAsync(PipelineArtifact<TIn> input, CancellationToken cancellationToken);

    /// <summary>Produces the output data.</summary>
    /// <param name="input">The input artifact.</param>
    /// <param name="cancellationToken">Cancels the execution.</param>
    /// <returns>The output data.</returns>
    ValueTask<TOut> ExecuteAsync(PipelineArtifact<TIn> input, CancellationToken cancellationToken);
}
