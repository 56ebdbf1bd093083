using System.Globalization;
using Microsoft.Extensions.Options;

namespace AiGovernance.Scorecards;

/// <summary>Cross-field rules of <see cref="ScorecardsOptions"/>: weights summing to 1, valid and unique metric definitions,
/// valid literacy roles.</summary>
/// <remarks>The metric and literacy rules belong to <see cref="ScorecardMetric"/> and <see cref="Literacy.AiLiteracyAssessment"/>,
/// whose constructors are the one place they are written; this validator builds them and reports what they refuse.</remarks>
internal sealed class ScorecardsOptionsCustomValidator : IValidateOptions<ScorecardsOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static ScorecardsOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, ScorecardsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var weights = options.Weights;
        if (!(Math.Abs(weights.Sum - 1.0) <= DimensionWeights.SumTolerance))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Dimension weights must sum to 1; technical {weights.Technical} + business {weights.Business} + risk {weights.Risk} + "
                    + $"adoption {weights.Adoption} = {weights.Sum}."));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Metrics.Count; i++)
        {
            var metric = options.Metrics[i];
            if (metric is null)
            {
                failures.Add($"Metrics[{i}] is missing.");
                continue;
            }

            try
            {
                metric.ToMetric();
            }
            catch (ArgumentException ex)
            {
                failures.Add($"Metrics[{i}] ('{metric.Name}'): {ex.Message}");
                continue;
            }

            if (!names.Add(metric.Name))
            {
                failures.Add($"Metrics[{i}]: metric '{metric.Name}' is defined twice.");
            }
        }

        try
        {
            options.Literacy.ToAssessment();
        }
        catch (ArgumentException ex)
        {
            failures.Add($"Literacy: {ex.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
