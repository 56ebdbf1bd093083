using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AiGovernance.Scorecards;

/// <summary>Options of the scorecards package: dimension weights, weakness threshold, metric definitions and the
/// AI-literacy assessment. Bind from configuration or set in code; validated at start-up.</summary>
/// <remarks>The four weights must sum to 1 (within 1e-9); every metric must be a valid <see cref="ScorecardMetric"/> with a
/// unique name.</remarks>
public sealed class ScorecardsOptions
{
    /// <summary>The weight of the technical-performance dimension.</summary>
    /// <value>The default value is 0.25.</value>
    [Range(0.0, 1.0)]
    public double TechnicalWeight { get; set; } = ScorecardsDefaults.TechnicalWeight;

    /// <summary>The weight of the business-impact dimension.</summary>
    /// <value>The default value is 0.35.</value>
    [Range(0.0, 1.0)]
    public double BusinessWeight { get; set; } = ScorecardsDefaults.BusinessWeight;

    /// <summary>The weight of the risk-and-compliance dimension.</summary>
    /// <value>The default value is 0.25.</value>
    [Range(0.0, 1.0)]
    public double RiskWeight { get; set; } = ScorecardsDefaults.RiskWeight;

    /// <summary>The weight of the adoption-and-trust dimension.</summary>
    /// <value>The default value is 0.15.</value>
    [Range(0.0, 1.0)]
    public double AdoptionWeight { get; set; } = ScorecardsDefaults.AdoptionWeight;

    /// <summary>Dimensions and metrics scoring below this are weaknesses.</summary>
    /// <value>The default value is 0.6.</value>
    [Range(0.0, 1.0)]
    public double WeaknessThreshold { get; set; } = ScorecardsDefaults.WeaknessThreshold;

    /// <summary>The metric definitions.</summary>
    /// <value>The default value is empty: every dimension is then reported as not measured.</value>
    [ValidateEnumeratedItems]
    public List<ScorecardMetricOptions> Metrics { get; } = [];

    /// <summary>The AI-literacy assessment's roles and thresholds.</summary>
    /// <value>The default value is the four default roles with thresholds 0.7 and 0.6.</value>
    [ValidateObjectMembers]
    public AiLiteracyOptions Literacy { get; } = new();

    /// <summary>The four weights.</summary>
    public DimensionWeights Weights => new(TechnicalWeight, BusinessWeight, RiskWeight, AdoptionWeight);

    /// <summary>Options holding only <paramref name="weights"/> and <paramref name="weaknessThreshold"/>, for running the
    /// validators over a scorecard built outside DI.</summary>
    internal static ScorecardsOptions Of(DimensionWeights weights, double weaknessThreshold) => new()
    {
        TechnicalWeight = weights.Technical,
        BusinessWeight = weights.Business,
        RiskWeight = weights.Risk,
        AdoptionWeight = weights.Adoption,
        WeaknessThreshold = weaknessThreshold,
    };

    /// <summary>Adds a metric definition.</summary>
    /// <param name="name">The metric's unique name.</param>
    /// <param name="dimension">Its dimension.</param>
    /// <param name="direction">Whether larger or smaller values are better.</param>
    /// <param name="floor">The value that scores 0.</param>
    /// <param name="target">The value that scores 1.</param>
    /// <param name="description">An optional description.</param>
    /// <returns>These options, for chaining.</returns>
    public ScorecardsOptions AddMetric(string name, ScorecardDimension dimension, MetricDirection direction, double floor, double target,
        string? description = null)
    {
        Metrics.Add(new ScorecardMetricOptions
        {
            Name = name,
            Dimension = dimension,
            Direction = direction,
            Floor = floor,
            Target = target,
            Description = description,
        });
        return this;
    }
}
