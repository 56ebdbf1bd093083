using Microsoft.Extensions.Options;

namespace AiGovernance.Reporting;

/// <summary>The <c>[Range]</c> rules of <see cref="ReportingOptions"/>, checked by generated code (trim- and AOT-safe).
/// Registered with <c>ValidateOnStart</c> by <c>AddReporting</c> and run by <see cref="ReportRenderer"/>'s constructor
/// outside DI.</summary>
[OptionsValidator]
internal sealed partial class ReportingOptionsValidator : IValidateOptions<ReportingOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ReportingOptionsValidator Instance { get; } = new();
}
