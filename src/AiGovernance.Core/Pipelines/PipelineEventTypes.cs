namespace AiGovernance.Core.Pipelines;

/// <summary>The audit event types the pipeline runner writes.</summary>
public static class PipelineEventTypes
{
    /// <summary>A component produced its output artifact; the payload carries input and output references.</summary>
    public const string StepCompleted = "pipeline.step.completed";

    /// <summary>A component refused its input or failed; the payload carries the failure kind and cause.</summary>
    public const string StepFailed = "pipeline.step.failed";

    /// <summary>A run was cancelled before the named component finished.</summary>
    public const string RunCancelled = "pipeline.run.cancelled";
}
