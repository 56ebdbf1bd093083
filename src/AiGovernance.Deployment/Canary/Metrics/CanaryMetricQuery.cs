using System.Text.RegularExpressions;

namespace AiGovernance.Deployment.Canary.Metrics;

/// <summary>Which rollout's traffic to read, over which window.</summary>
/// <remarks>The rollout name is inserted into query languages (PromQL label matchers), so it is restricted to
/// <see cref="RolloutNamePattern"/>: letters, digits, <c>_ . : -</c>, 1 to 128 characters. Nothing needs escaping.</remarks>
public sealed partial record CanaryMetricQuery
{
    /// <summary>The pattern a rollout name must match.</summary>
    public const string RolloutNamePattern = "^[A-Za-z0-9_.:-]{1,128}$";

    /// <summary>Creates a query.</summary>
    /// <param name="rollout">The rollout (the <c>rollout</c> tag of the recorded instruments).</param>
    /// <param name="start">The window's start (exclusive).</param>
    /// <param name="end">The window's end (inclusive), after <paramref name="start"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rollout"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="rollout"/> does not match <see cref="RolloutNamePattern"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public CanaryMetricQuery(string rollout, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (!IsValidRolloutName(rollout))
        {
            throw new ArgumentException(
                $"A rollout name must be 1 to 128 letters, digits or '_', '.', ':', '-' (got {rollout.Length} characters).", nameof(rollout));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        Rollout = rollout;
        Start = start;
        End = end;
    }

    /// <summary>The rollout.</summary>
    public string Rollout { get; }

    /// <summary>The window's start.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The window's end.</summary>
    public DateTimeOffset End { get; }

    /// <summary>The window's length.</summary>
    public TimeSpan Window => End - Start;

    /// <summary>Whether <paramref name="rollout"/> is an acceptable rollout name.</summary>
    /// <param name="rollout">The candidate name.</param>
    /// <returns><see langword="true"/> when it matches <see cref="RolloutNamePattern"/>.</returns>
    public static bool IsValidRolloutName(string? rollout) => rollout is not null && RolloutName().IsMatch(rollout);

    [GeneratedRegex(RolloutNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex RolloutName();
}
