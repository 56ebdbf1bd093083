using AiGovernance.Shared;

namespace AiGovernance.Scorecards;

/// <summary>The definition of one scorecard metric: its dimension, direction, the floor that scores 0 and the target that
/// scores 1.</summary>
/// <remarks>
/// <para>A value v normalises to clamp((v − floor)/(target − floor), 0, 1). For <see cref="MetricDirection.LowerIsBetter"/>
/// the target lies below the floor, so the same formula is mirrored: at or below the target scores 1, at or above the
/// floor scores 0. The direction is checked against the floor and target, so a definition with the two swapped is
/// rejected rather than silently scoring good values as bad.</para>
/// </remarks>
public sealed class ScorecardMetric
{
    /// <summary>Defines a metric.</summary>
    /// <param name="name">The metric's unique name, matched against <see cref="MetricReading.MetricName"/> (ordinal).</param>
    /// <param name="dimension">The dimension the metric belongs to.</param>
    /// <param name="direction">Whether larger or smaller values are better.</param>
    /// <param name="floor">The value that scores 0: the worst acceptable level.</param>
    /// <param name="target">The value that scores 1: the goal.</param>
    /// <param name="description">An optional description shown in reports.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="target"/> is not on the
    /// better side of <paramref name="floor"/> for <paramref name="direction"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> or <paramref name="direction"/> is not a
    /// defined value, or <paramref name="floor"/> or <paramref name="target"/> is not finite.</exception>
    public ScorecardMetric(string name, ScorecardDimension dimension, MetricDirection direction, double floor, double target,
        string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        RuleViolation.ThrowFirst(Violations(name, dimension, direction, floor, target));

        Name = name;
        Dimension = dimension;
        Direction = direction;
        Floor = floor;
        Target = target;
        Description = description;
    }

    /// <summary>The rules of a definition, written once: the constructor throws the first broken one and
    /// <c>ScorecardsOptionsCustomValidator</c> lists them all for a configured metric.</summary>
    internal static IEnumerable<RuleViolation> Violations(string name, ScorecardDimension dimension, MetricDirection direction, double floor,
        double target)
    {
        if (!Enum.IsDefined(dimension))
        {
            yield return new RuleViolation(nameof(dimension), $"Unknown scorecard dimension {(int)dimension}.", OutOfRange: true);
        }

        if (!Enum.IsDefined(direction))
        {
            yield return new RuleViolation(nameof(direction), $"Unknown metric direction {(int)direction}.", OutOfRange: true);
        }

        if (!double.IsFinite(floor))
        {
            yield return new RuleViolation(nameof(floor), $"The floor must be finite; it is {floor}.", OutOfRange: true);
        }

        if (!double.IsFinite(target))
        {
            yield return new RuleViolation(nameof(target), $"The target must be finite; it is {target}.", OutOfRange: true);
        }
        else if (double.IsFinite(floor) && Enum.IsDefined(direction)
            && (direction == MetricDirection.HigherIsBetter ? target <= floor : target >= floor))
        {
            yield return new RuleViolation(nameof(target), direction == MetricDirection.HigherIsBetter
                ? $"Metric '{name}' is higher-is-better, so its target ({target}) must be above its floor ({floor})."
                : $"Metric '{name}' is lower-is-better, so its target ({target}) must be below its floor ({floor}).");
        }
    }

    /// <summary>The metric's unique name.</summary>
    public string Name { get; }

    /// <summary>The dimension the metric belongs to.</summary>
    public ScorecardDimension Dimension { get; }

    /// <summary>Whether larger or smaller values are better.</summary>
    public MetricDirection Direction { get; }

    /// <summary>The value that scores 0.</summary>
    public double Floor { get; }

    /// <summary>The value that scores 1.</summary>
    public double Target { get; }

    /// <summary>An optional description shown in reports.</summary>
    public string? Description { get; }

    /// <summary>Normalises <paramref name="value"/> to clamp((value − floor)/(target − floor), 0, 1).</summary>
    /// <param name="value">The measured value.</param>
    /// <returns>The score in [0, 1]: 0 at or beyond the floor, 1 at or beyond the target. Finite for every finite value and
    /// bounds, including spans wider than <see cref="double.MaxValue"/> (computed on halved terms).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    public double Normalize(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"The value of metric '{Name}' must be finite.");
        }

        var offset = value - Floor;
        var span = Target - Floor;
        if (!double.IsFinite(offset) || !double.IsFinite(span))
        {
            // Bounds or a value near ±double.MaxValue overflow a difference (∞/∞ would be NaN); halving every term first
            // is exact for normal values and keeps both differences finite without changing their ratio.
            offset = (value * 0.5) - (Floor * 0.5);
            span = (Target * 0.5) - (Floor * 0.5);
        }

        return Math.Clamp(offset / span, 0.0, 1.0);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Dimension}, {Direction}, floor {Floor}, target {Target})";
}
