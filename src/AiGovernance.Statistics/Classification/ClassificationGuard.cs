namespace AiGovernance.Statistics;

/// <summary>Argument checks for paired label arrays.</summary>
internal static class ClassificationGuard
{
    /// <summary>Throws when a second array of labels or scores does not have one entry per true label.</summary>
    public static void ThrowIfLengthsDiffer(ReadOnlySpan<bool> yTrue, int otherLength, string otherName)
    {
        if (otherLength != yTrue.Length)
        {
            throw new ArgumentException($"{otherName} has {otherLength} values but yTrue has {yTrue.Length}.", otherName);
        }
    }
}
