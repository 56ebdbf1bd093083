using AiGovernance.Deployment.Rollout;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.DependencyInjection;

/// <summary>Cross-field rules of <see cref="DeploymentOptions"/>: stages strictly increasing and ending at 1.0,
/// thresholds positive, durations not negative.</summary>
internal sealed class DeploymentOptionsValidator : IValidateOptions<DeploymentOptions>
{
    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        var failures = new List<string>();
        var attributes = new DeploymentOptionsAttributeValidator().Validate(name, options);
        if (attributes.Failed)
        {
            failures.AddRange(attributes.Failures);
        }

        if (RolloutPlan.Validate(options.EffectiveStageFractions) is { } stageProblem)
        {
            failures.Add($"{nameof(DeploymentOptions.StageFractions)}: {stageProblem}");
        }

        if (!Enum.IsDefined(options.RoutingDesign))
        {
            failures.Add($"{nameof(DeploymentOptions.RoutingDesign)} '{options.RoutingDesign}' is not a routing design.");
        }

        if (options.MinStageDuration < TimeSpan.Zero)
        {
            failures.Add($"{nameof(DeploymentOptions.MinStageDuration)} must not be negative.");
        }

        if (options.MonitoringInterval is { } interval && interval <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(DeploymentOptions.MonitoringInterval)} must be positive when set.");
        }

        if (options.BaselineErrorRate + options.MinimumDetectableEffect >= 1)
        {
            failures.Add($"{nameof(DeploymentOptions.BaselineErrorRate)} + {nameof(DeploymentOptions.MinimumDetectableEffect)} must be below 1.");
        }

        if (options.Shadow is null || options.Shadow.CandidateTimeout <= TimeSpan.Zero)
        {
            failures.Add("Shadow.CandidateTimeout must be positive.");
        }

        if (options.Resilience is null)
        {
            failures.Add("Resilience options are required.");
        }
        else
        {
            foreach (var problem in options.Resilience.Problems())
            {
                failures.Add($"Resilience.{problem}");
            }
        }

        if (options.Canary is null)
        {
            failures.Add("Canary options are required.");
        }
        else
        {
            try
            {
                options.Canary.ThrowIfInvalid(nameof(options.Canary));
            }
            catch (ArgumentOutOfRangeException exception)
            {
                failures.Add($"Canary: {exception.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
