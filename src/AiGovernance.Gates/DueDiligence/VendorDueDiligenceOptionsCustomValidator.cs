using System.Globalization;
using Microsoft.Extensions.Options;

namespace AiGovernance.Gates.DueDiligence;

/// <summary>The cross-field rule of <see cref="VendorDueDiligenceOptions"/>: the criterion weights sum to 1 (within
/// <see cref="VendorCriterionWeights.SumTolerance"/>). Each weight's range is an attribute.</summary>
internal sealed class VendorDueDiligenceOptionsCustomValidator : IValidateOptions<VendorDueDiligenceOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static VendorDueDiligenceOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, VendorDueDiligenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Weights is not { } weights)
        {
            return ValidateOptionsResult.Skip;
        }

        var sum = 0.0;
        foreach (var criterion in Enum.GetValues<VendorCriterion>())
        {
            sum += weights.Get(criterion);
        }

        return Math.Abs(sum - 1.0) <= VendorCriterionWeights.SumTolerance
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Weights: the vendor criterion weights must sum to 1; they sum to {sum:R}."));
    }
}
