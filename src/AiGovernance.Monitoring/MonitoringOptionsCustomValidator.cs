using AiGovernance.Monitoring.Responses;
using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring;

/// <summary>The rules of <see cref="MonitoringOptions"/> that attributes cannot state: the severity thresholds are ordered
/// and the handler timeout is positive or infinite (the parts' custom validators, run over the nested options).</summary>
internal sealed class MonitoringOptionsCustomValidator : IValidateOptions<MonitoringOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static MonitoringOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.Severity is { } severity)
        {
            Add(builder, DriftSeverityOptionsCustomValidator.Instance.Validate(name, severity), nameof(MonitoringOptions.Severity));
        }

        if (options.Response is { } response)
        {
            Add(builder, DriftResponseOptionsCustomValidator.Instance.Validate(name, response), nameof(MonitoringOptions.Response));
        }

        return builder.Build();
    }

    private static void Add(ValidateOptionsResultBuilder builder, ValidateOptionsResult result, string part)
    {
        if (result.Failed)
        {
            foreach (var failure in result.Failures)
            {
                builder.AddError(failure, part);
            }
        }
    }
}
