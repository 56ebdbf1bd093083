using System.Globalization;
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

        var analysis = options.Analysis;
        if (analysis is not null)
        {
            if (!(analysis.LowVolumePercentile < analysis.HighVolumePercentile))
            {
                builder.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"The low-volume percentile ({analysis.LowVolumePercentile}) must be below the high-volume percentile ({analysis.HighVolumePercentile})."),
                    "Analysis.LowVolumePercentile");
            }

            if (!string.IsNullOrWhiteSpace(analysis.TimeZoneId) && !TimeZoneInfo.TryFindSystemTimeZoneById(analysis.TimeZoneId, out _))
            {
                builder.AddError($"The time zone '{analysis.TimeZoneId}' is not known on this system.", "Analysis.TimeZoneId");
            }
        }

        return builder.Build();
    }
}
