using AiGovernance.Statistics;

namespace AiGovernance.Deployment.Rollout;

/// <summary>A staged rollout: strictly increasing traffic fractions ending at 1.0, each with a minimum duration and sample.</summary>
public sealed class RolloutPlan
{
    private RolloutPlan(string name, RolloutStage[] stages, double? minimumDetectableEffect = null)
    {
        Name = name;
        Stages = stages;
        MinimumDetectableEffect = minimumDetectableEffect;
    }

    /// <summary>The default stages (staged rollout, docs/background.md): 5% → 25% → 50% → 100%.</summary>
    public static IReadOnlyList<double> DefaultFractions { get; } = [0.05, 0.25, 0.5, 1.0];

    /// <summary>The rollout's name; also the bucketing salt.</summary>
    public string Name { get; }

    /// <summary>The stages in order; the last has traffic fraction 1.0.</summary>
    public IReadOnlyList<RolloutStage> Stages { get; }

    /// <summary>The error-rate rise the stages were sized to detect (<see cref="FromPower"/>); null for a plan from
    /// <see cref="Create"/>. The rollout's sequential test takes its mixing distribution from it (τ = this effect) unless
    /// <c>CanaryAnalysisOptions.MinimumDetectableEffect</c> or <c>MixtureVariance</c> is set.</summary>
    public double? MinimumDetectableEffect { get; }

    /// <summary>Creates a plan from explicit stages.</summary>
    /// <param name="name">The rollout's name.</param>
    /// <param name="stages">Stages with strictly increasing fractions in (0, 1], the last exactly 1.0, non-negative durations and samples.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or <paramref name="stages"/> breaks a rule.</exception>
    public static RolloutPlan Create(string name, IReadOnlyList<RolloutStage> stages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(stages);
        var problem = Validate(stages.Select(s => s.TrafficFraction).ToArray());
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(stages));
        }

        foreach (var stage in stages)
        {
            if (stage.MinDuration < TimeSpan.Zero || stage.MinRequestsPerVariant < 0)
            {
                throw new ArgumentException("Stage durations and minimum samples must not be negative.", nameof(stages));
            }
        }

        return new RolloutPlan(name, [.. stages]);
    }

    /// <summary>Creates a plan whose minimum sample per variant and stage detects an error-rate rise from
    /// <paramref name="baselineErrorRate"/> by <paramref name="minimumDetectableEffect"/> (two-sided, equal arms, via
    /// <see cref="PowerAnalysis.SampleSizeTwoProportions"/>).</summary>
    /// <param name="name">The rollout's name.</param>
    /// <param name="baselineErrorRate">The baseline's expected error rate, in (0, 1).</param>
    /// <param name="minimumDetectableEffect">The smallest rise worth detecting, as a proportion (0.005 = 0.5 pp).</param>
    /// <param name="minStageDuration">The minimum duration of each stage.</param>
    /// <param name="fractions">The stages' fractions; <see cref="DefaultFractions"/> when null.</param>
    /// <param name="alpha">The significance level.</param>
    /// <param name="power">The power.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">An argument breaks a rule.</exception>
    public static RolloutPlan FromPower(string name, double baselineErrorRate, double minimumDetectableEffect, TimeSpan minStageDuration,
        IReadOnlyList<double>? fractions = null, double alpha = 0.05, double power = 0.8)
    {
        if (!(baselineErrorRate > 0 && baselineErrorRate + minimumDetectableEffect < 1 && minimumDetectableEffect > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumDetectableEffect),
                "The baseline rate and the rate plus the effect must be in (0, 1) with a positive effect.");
        }

        var perVariant = (long)Math.Ceiling(PowerAnalysis.SampleSizeTwoProportions(baselineErrorRate, baselineErrorRate + minimumDetectableEffect,
            alpha, power));
        var stages = (fractions ?? DefaultFractions).Select(f => new RolloutStage(f, minStageDuration, perVariant)).ToArray();
        return new RolloutPlan(Create(name, stages).Name, stages, minimumDetectableEffect);
    }

    /// <summary>Why the fractions are not a valid plan, or null when they are.</summary>
    internal static string? Validate(IReadOnlyList<double> fractions)
    {
        if (fractions.Count == 0)
        {
            return "A rollout needs at least one stage.";
        }

        for (var i = 0; i < fractions.Count; i++)
        {
            if (!(fractions[i] > 0 && fractions[i] <= 1))
            {
                return $"Stage {i} has traffic fraction {fractions[i]}; fractions must be in (0, 1].";
            }

            if (i > 0 && !(fractions[i] > fractions[i - 1]))
            {
                return $"Stage {i} ({fractions[i]}) does not increase on stage {i - 1} ({fractions[i - 1]}); fractions must be strictly increasing.";
            }
        }

        return fractions[^1] == 1.0 ? null : $"The last stage is {fractions[^1]}; a rollout must end at 1.0.";
    }
}
