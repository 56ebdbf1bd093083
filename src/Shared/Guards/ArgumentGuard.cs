using System.Runtime.CompilerServices;

namespace AiGovernance.Shared;

/// <summary>Guard clauses the BCL throw helpers do not have, with the same shape: the argument's name comes from
/// <c>[CallerArgumentExpression]</c> and the message states the rule and the value.</summary>
internal static class ArgumentGuard
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is a probability in [0, 1]
    /// (NaN is not).</summary>
    public static void ThrowIfNotProbability(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must be a probability in [0, 1].");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is finite (not NaN, not
    /// infinite).</summary>
    public static void ThrowIfNotFinite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The value must be finite.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first index whose value is NaN or infinite.</summary>
    public static void ThrowIfAnyNotFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"The value at index {i} is {values[i]}; every value must be finite.", paramName);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when an optional text is given but empty or white space (null is
    /// allowed: it means "none").</summary>
    public static void ThrowIfEmptyWhenGiven(string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value, when given, must not be empty.", paramName);
        }
    }
}
