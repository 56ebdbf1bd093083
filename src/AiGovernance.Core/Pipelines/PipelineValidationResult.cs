namespace AiGovernance.Core.Pipelines;

/// <summary>Whether a component accepts its input, and why not.</summary>
/// <param name="IsValid">Whether the input is acceptable.</param>
/// <param name="Errors">What is wrong with the input; empty when valid.</param>
public readonly record struct PipelineValidationResult(bool IsValid, IReadOnlyList<string> Errors)
{
    /// <summary>The input is acceptable.</summary>
    public static PipelineValidationResult Valid { get; } = new(true, []);

    /// <summary>The input is refused for the given reasons.</summary>
    /// <param name="errors">At least one reason.</param>
    /// <returns>An invalid result.</returns>
    /// <exception cref="ArgumentException">No reason is given.</exception>
    public static PipelineValidationResult Invalid(params string[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Length == 0)
        {
            throw new ArgumentException("An invalid result needs at least one reason.", nameof(errors));
        }

        return new PipelineValidationResult(false, errors);
    }
}
