using AiGovernance.Deployment.Rollout;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment;

/// <summary>The rules of <see cref="DeploymentOptions"/> that attributes cannot state: stages strictly increasing and ending
/// at 1.0, baseline error rate plus detectable effect below 1, and the resilience delays in order.</summary>
internal sealed class DeploymentOptionsCustomValidator : IValidateOptions<DeploymentOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static DeploymentOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (RolloutPlan.Validate(options.EffectiveStageFractions) is { } stageProblem)
        {
            failures.Add($"{nameof(DeploymentOptions.StageFractions)}: {stageProblem}");
        }

        if (options.BaselineErrorRate + options.MinimumDetectableEffect >= 1)
        {
            failures.Add($"{nameof(DeploymentOptions.BaselineErrorRate)} + {nameof(DeploymentOptions.MinimumDetectableEffect)} must be below 1.");
        }

        if (options.Resilience is { } resilience)
        {
            var result = RolloutResilienceOptionsCustomValidator.Instance.Validate(name, resilience);
            if (result.Failed)
            {
                failures.AddRange(result.Failures.Select(f => "Resilience." + f));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
