namespace AiGovernance.Core.Pipelines;

/// <summary>Thrown by <see cref="PipelineRunResult{TOut}.EnsureSucceeded"/> when a component stopped the run.</summary>
public sealed class PipelineFailedException : AiGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="step">The failed step.</param>
    /// <param name="innerException">The component's exception, if any.</param>
    public PipelineFailedException(PipelineStepRecord step, Exception? innerException)
        : base(Describe(step), innerException ?? new InvalidOperationException(step?.Error))
    {
        Step = step!;
    }

    /// <summary>The failed step.</summary>
    public PipelineStepRecord Step { get; }

    private static string Describe(PipelineStepRecord step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var what = step.Failure == PipelineFailureKind.InputValidation ? "refused its input" : "failed";
        return $"Pipeline component '{step.Component}' {step.ComponentVersion} {what}: {step.Error}";
    }
}
