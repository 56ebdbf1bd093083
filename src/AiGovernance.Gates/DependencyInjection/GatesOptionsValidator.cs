using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Lifecycle;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.DependencyInjection;

/// <summary>Cross-field rules of <see cref="GatesOptions"/>: weights sum to 1, the policy is buildable, intervals and skew
/// are in range, configured lifecycle outputs are non-empty names.</summary>
internal sealed class GatesOptionsValidator : IValidateOptions<GatesOptions>
{
    public ValidateOptionsResult Validate(string? name, GatesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.VendorDueDiligence?.Weights?.Validate() is { } weights)
        {
            failures.Add("VendorDueDiligence.Weights: " + weights);
        }

        if (options.Classification is { } classification)
        {
            failures.AddRange(RiskClassificationOptionsValidator.Validate(classification).Select(f => "Classification." + f));
        }

        if (options.Approvals is not null)
        {
            try
            {
                options.Approvals.CreatePolicy();
            }
            catch (ArgumentException ex)
            {
                failures.Add("Approvals: " + ex.Message);
            }
        }

        if (options.ContinuationReviews is { } reviews)
        {
            CheckInterval(nameof(reviews.HighRiskInterval), reviews.HighRiskInterval, failures);
            CheckInterval(nameof(reviews.MediumRiskInterval), reviews.MediumRiskInterval, failures);
            CheckInterval(nameof(reviews.LowRiskInterval), reviews.LowRiskInterval, failures);
        }

        if (options.ApprovalClockSkew < TimeSpan.Zero || options.ApprovalClockSkew > TimeSpan.FromHours(1))
        {
            failures.Add($"ApprovalClockSkew must be between 0 and 1 hour; got {options.ApprovalClockSkew}.");
        }

        if (options.MaxApprovalLifetime < TimeSpan.FromHours(1) || options.MaxApprovalLifetime > TimeSpan.FromDays(3650))
        {
            failures.Add($"MaxApprovalLifetime must be between 1 hour and 3650 days; got {options.MaxApprovalLifetime}.");
        }

        if (options.Lifecycle is { } lifecycle)
        {
            foreach (var phase in Enum.GetValues<LifecyclePhase>())
            {
                foreach (var output in lifecycle.GetRequiredOutputs(phase))
                {
                    if (string.IsNullOrWhiteSpace(output))
                    {
                        failures.Add($"Lifecycle: an output name of {phase} is empty.");
                    }
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckInterval(string name, TimeSpan value, List<string> failures)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(3650))
        {
            failures.Add($"ContinuationReviews.{name} must be positive and at most 3650 days; got {value}.");
        }
    }
}
