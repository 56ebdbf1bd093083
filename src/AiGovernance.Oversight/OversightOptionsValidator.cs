using AiGovernance.Oversight.Analysis;
using Microsoft.Extensions.Options;

namespace AiGovernance.Oversight;

/// <summary>Validates <see cref="OversightOptions"/>: the attribute rules (source-generated) and the cross-field rules.</summary>
internal sealed class OversightOptionsValidator : IValidateOptions<OversightOptions>
{
    private readonly OversightOptionsAttributeValidator _attributes = new();

    public ValidateOptionsResult Validate(string? name, OversightOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var attributeResult = _attributes.Validate(name, options);
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(attributeResult);
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
            // The nested attribute rules are in attributeResult already ([ValidateObjectMembers]).
            foreach (var error in OverrideAnalysisOptionsAttributeValidator.CrossFieldErrors(options.Analysis))
            {
                builder.AddError(error, nameof(OversightOptions.Analysis));
            }
        }

        return builder.Build();
    }
}
