namespace AiGovernance.Shared;

/// <summary>One broken rule of a domain type whose rules are written once and used twice: its constructor throws the first
/// violation (<see cref="ToException"/>), and the options validator of the package lists every violation of the configured
/// definition — no build-and-catch, no second copy of the rule.</summary>
/// <param name="Parameter">The constructor parameter the rule is about.</param>
/// <param name="Message">What is wrong, in words a configuration author understands.</param>
/// <param name="OutOfRange">Whether the constructor reports it as <see cref="ArgumentOutOfRangeException"/>.</param>
internal readonly record struct RuleViolation(string Parameter, string Message, bool OutOfRange = false)
{
    /// <summary>The exception the constructor throws for this violation.</summary>
    public ArgumentException ToException() =>
        OutOfRange ? new ArgumentOutOfRangeException(Parameter, Message) : new ArgumentException(Message, Parameter);

    /// <summary>Throws the first of <paramref name="violations"/>, if any.</summary>
    public static void ThrowFirst(IEnumerable<RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            throw violation.ToException();
        }
    }
}
