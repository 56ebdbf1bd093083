using System.Runtime.CompilerServices;

namespace AiGovernance.Statistics;

/// <summary>Argument checks for counts, rates and probabilities.</summary>
internal static class ProportionGuard
{
    public static void ThrowIfBadCounts(long successes, long trials, [CallerArgumentExpression(nameof(successes))] string? successesName = null,
        [CallerArgumentExpression(nameof(trials))] string? trialsName = null)
    {
        if (trials <= 0)
        {
            throw new ArgumentOutOfRangeException(trialsName, trials, "The number of trials must be positive.");
        }

        if (successes < 0)
        {
            throw new ArgumentOutOfRangeException(successesName, successes, "The number of successes must be non-negative.");
        }

        if (successes > trials)
        {
            throw new ArgumentOutOfRangeException(successesName, successes, $"There are more successes ({successes}) than trials ({trials}).");
        }
    }

    public static void ThrowIfNotRate(double rate, [CallerArgumentExpression(nameof(rate))] string? paramName = null)
    {
        if (!(rate >= 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(paramName, rate, "A rate must lie in [0, 1].");
        }
    }

    public static void ThrowIfNotOpenUnit(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must lie strictly between 0 and 1.");
        }
    }
}
