using AiGovernance.Gates.DueDiligence;
using AiGovernance.Gates.Lifecycle;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates;

/// <summary>The rules of <see cref="GatesOptions"/> that attributes cannot state: the vendor weights sum to 1, the approval
/// policy can be built, and configured lifecycle outputs are non-empty names.</summary>
internal sealed class GatesOptionsCustomValidator : IValidateOptions<GatesOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static GatesOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, GatesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.VendorDueDiligence is { } vendor)
        {
            var weights = VendorDueDiligenceOptionsCustomValidator.Instance.Validate(name, vendor);
            if (weights.Failed)
            {
                failures.AddRange(weights.Failures.Select(f => "VendorDueDiligence." + f));
            }
        }

        if (options.Approvals is not null)
        {
            try
            {
                options.Approvals.CreatePolicy();
            }
            catch (ArgumentException ex)
            {
                // The policy's constructor is the one place its rules (unique kinds, roles per kind) are written.
                failures.Add("Approvals: " + ex.Message);
            }
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
}
