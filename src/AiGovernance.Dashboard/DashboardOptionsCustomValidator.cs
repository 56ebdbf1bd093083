using Microsoft.Extensions.Options;

namespace AiGovernance.Dashboard;

/// <summary>The rules of <see cref="DashboardOptions"/> that attributes cannot state: policy names that are not white space
/// when given, no action policy without a read policy, and rollout names that are not empty.</summary>
internal sealed class DashboardOptionsCustomValidator : IValidateOptions<DashboardOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DashboardOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.ReadPolicy is not null && string.IsNullOrWhiteSpace(options.ReadPolicy))
        {
            builder.AddError("The read policy, when given, must name a policy.", nameof(DashboardOptions.ReadPolicy));
        }

        if (options.ActionPolicy is not null && string.IsNullOrWhiteSpace(options.ActionPolicy))
        {
            builder.AddError("The action policy, when given, must name a policy.", nameof(DashboardOptions.ActionPolicy));
        }

        if (options.ActionPolicy is not null && options.ReadPolicy is null)
        {
            builder.AddError("An action policy needs a read policy: actions are offered on pages nobody could open.",
                nameof(DashboardOptions.ActionPolicy));
        }

        if (string.IsNullOrWhiteSpace(options.Title))
        {
            builder.AddError("The title must not be empty or white space.", nameof(DashboardOptions.Title));
        }

        foreach (var (system, rollout) in options.Rollouts ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(rollout))
            {
                builder.AddError("Every rollout entry maps a system id to a rollout name; neither may be empty.", nameof(DashboardOptions.Rollouts));
                break;
            }
        }

        return builder.Build();
    }
}
