namespace AiGovernance.Gates.Classification;

/// <summary>The rules of <see cref="RiskClassificationOptions"/>, run at start-up (through the Gates options validator) and
/// by the classifiers' constructors outside DI.</summary>
internal static class RiskClassificationOptionsValidator
{
    public static List<string> Validate(RiskClassificationOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.UnconfirmedAmendments))
        {
            failures.Add($"UnconfirmedAmendments must be TighteningOnly, Include or Exclude; got {options.UnconfirmedAmendments}.");
        }

        if (!(options.SystemicRiskComputeThresholdFlops is >= 1e20 and <= 1e30))
        {
            failures.Add($"SystemicRiskComputeThresholdFlops must be between 1e20 and 1e30; got {options.SystemicRiskComputeThresholdFlops}.");
        }

        return failures;
    }

    public static void ThrowIfInvalid(RiskClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Validate(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }
}
