namespace AiGovernance.Core.Pipelines;

/// <summary>How a pipeline run ended.</summary>
public enum PipelineFailureKind
{
    /// <summary>Every component ran.</summary>
    None = 0,

    /// <summary>A component refused its input.</summary>
    InputValidation = 1,

    /// <summary>A component threw while executing.</summary>
    Execution = 2,
}
