using Microsoft.Extensions.Options;

namespace AiGovernance.Reporting;

/// <summary>The rule of <see cref="ReportingOptions"/> that attributes cannot state: a chart may not be asked to draw more
/// categorical bars than a table may hold rows.</summary>
internal sealed class ReportingOptionsCustomValidator : IValidateOptions<ReportingOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ReportingOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.MaxCategories > options.MaxTableRows)
        {
            builder.AddError(
                $"MaxCategories ({options.MaxCategories}) must not exceed MaxTableRows ({options.MaxTableRows}).",
                nameof(ReportingOptions.MaxCategories));
        }

        return builder.Build();
    }
}
