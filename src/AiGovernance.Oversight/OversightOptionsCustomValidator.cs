using AiGovernance.Oversight.Analysis;
using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight;

/// <summary>The rules of <see cref="OversightOptions"/> that attributes cannot state: a salt that is not white space, a
/// system id that is not empty when given, and the cross-field rules of the nested analysis options.</summary>
internal sealed class OversightOptionsCustomValidator : IValidateOptions<OversightOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static OversightOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, OversightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.AuditSalt))
        {
            builder.AddError("The audit salt must not be empty or white space.", nameof(OversightOptions.AuditSalt));
        }

        if (options.SystemId is not null && string.IsNullOrWhiteSpace(options.SystemId))
        {
            builder.AddError("The system id, when given, must not be empty.", nameof(OversightOptions.SystemId));
        }

        if (options.Analysis is not null)
        {
            var analysis = OverrideAnalysisOptionsCustomValidator.Instance.Validate(name, options.Analysis);
            if (analysis.Failed)
            {
                foreach (var failure in analysis.Failures)
                {
                    builder.AddError(failure, nameof(OversightOptions.Analysis));
                }
            }
        }

        return builder.Build();
    }
}
