using System.Globalization;
using AiGovernance.Scorecards.Literacy;
using Microsoft.Extensions.Options;

namespace AiGovernance.Scorecards;

/// <summary>Cross-field rules of <see cref="ScorecardsOptions"/>: weights summing to 1, valid and unique metric definitions,
/// valid literacy roles.</summary>
/// <remarks>The metric and role rules are written once, in <see cref="ScorecardMetric"/> and <see cref="AiLiteracyAssessment"/>
/// (their <c>Violations</c> functions, whose first violation their constructors throw); this validator lists every
/// violation of the configured definitions without building them.</remarks>
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

            // A missing field is reported by the generated validator ([Required]); the definition's rules need all of them.
            if (metric is { Dimension: { } dimension, Direction: { } direction, Floor: { } floor, Target: { } target })
            {
                failures.AddRange(ScorecardMetric.Violations(metric.Name, dimension, direction, floor, target)
                    .Select(v => $"Metrics[{i}] ('{metric.Name}'): {v.Message}"));
            }

            if (!names.Add(metric.Name))
            {
                failures.Add($"Metrics[{i}]: metric '{metric.Name}' is defined twice.");
            }
        }

        if (options.Literacy.RoleCompetencies.Count > 0)
        {
            failures.AddRange(AiLiteracyAssessment.RoleViolations(options.Literacy.RoleCompetencies
                    .Select(r => KeyValuePair.Create(r.Key, (IReadOnlyList<string>)r.Value)))
                .Select(v => "Literacy: " + v.Message));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
