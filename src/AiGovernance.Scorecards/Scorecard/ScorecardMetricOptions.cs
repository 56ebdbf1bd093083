using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Scorecards;

/// <summary>A metric definition as configured (for example in <c>appsettings.json</c>); turned into a
/// <see cref="ScorecardMetric"/> when the scorecard is built.</summary>
public sealed class ScorecardMetricOptions
{
    /// <summary>The metric's unique name.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The dimension the metric belongs to; required, so a definition missing it is rejected rather than
    /// silently filed under the first dimension.</summary>
    /// <value>The default value is <see langword="null"/> (must be set).</value>
    [Required]
    public ScorecardDimension? Dimension { get; set; }

    /// <summary>Whether larger or smaller values are better; required.</summary>
    /// <value>The default value is <see langword="null"/> (must be set).</value>
    [Required]
    public MetricDirection? Direction { get; set; }

    /// <summary>The value that scores 0; required.</summary>
    /// <value>The default value is <see langword="null"/> (must be set).</value>
    [Required]
    public double? Floor { get; set; }

    /// <summary>The value that scores 1; above <see cref="Floor"/> when higher is better, below it when lower is better;
    /// required.</summary>
    /// <value>The default value is <see langword="null"/> (must be set).</value>
    [Required]
    public double? Target { get; set; }

    /// <summary>An optional description shown in reports.</summary>
    public string? Description { get; set; }

    /// <summary>The validated definition.</summary>
    /// <exception cref="ArgumentException">A field is missing or the definition is invalid.</exception>
    internal ScorecardMetric ToMetric() => new(
        Name,
        Dimension ?? throw new ArgumentException($"Metric '{Name}' has no dimension.", nameof(Dimension)),
        Direction ?? throw new ArgumentException($"Metric '{Name}' has no direction.", nameof(Direction)),
        Floor ?? throw new ArgumentException($"Metric '{Name}' has no floor.", nameof(Floor)),
        Target ?? throw new ArgumentException($"Metric '{Name}' has no target.", nameof(Target)),
        Description);
}
