namespace AiGovernance.Reliability.Tests;

/// <summary>Opt-in heavier runs: set <c>AIGOV_STRESS=1</c>.</summary>
internal static class Stress
{
    /// <summary>Whether the heavier runs are enabled.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("AIGOV_STRESS") == "1";

    /// <summary>The default figure, or the stress figure when enabled.</summary>
    public static int Pick(int normal, int stress) => Enabled ? stress : normal;
}
