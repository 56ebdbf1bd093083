using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Scorecards;

/// <summary>A metric definition as configured (for example in <c>appsettings.json</c>); turned into a
/// <see cref="ScorecardMetric"/> when the scorecard is built.</summary>
public sealed class ScorecardMetricOptions
{
    /// <summary>The metric's unique name.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The dimension the metric belongs to.</summary>
    /// <value>The default value is <see cref="ScorecardDimension.Technical"/>.</value>
    public ScorecardDimension Dimension { get; set; }

    /// <summary>Whether larger or smaller values are better.</summary>
    /// <value>The default value is <see cref="MetricDirection.HigherIsBetter"/>.</value>
    public MetricDirection Direction { get; set; }

    /// <summary>The value that scores 0.</summary>
    public double Floor { get; set; }

    /// <summary>The value that scores 1; above <see cref="Floor"/> when higher is better, below it when lower is better.</summary>
    public double Target { get; set; }

    /// <summary>An optional description shown in reports.</summary>
    public string? Description { get; set; }

    /// <summary>The validated definition.</summary>
    internal ScorecardMetric ToMetric() => new(Name, Dimension, Direction, Floor, Target, Description);
}
