using Microsoft.Extensions.Options;

namespace AiGovernance.Dashboard;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="DashboardOptions"/>, checked by generated code (trim- and
/// AOT-safe). Registered with <c>ValidateOnStart</c> by <c>AddDashboard</c>.</summary>
[OptionsValidator]
internal sealed partial class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DashboardOptionsValidator Instance { get; } = new();
}
