namespace AiGovernance.Monitoring.Drift;

/// <summary>Defaults of <see cref="WindowProfile.Create"/>.</summary>
internal static class WindowProfileDefaults
{
    /// <summary>The KLL accuracy parameter (uniform rank-error bound about 3% of n at 99%; about 600 retained values).</summary>
    public const int SketchK = 200;

    /// <summary>Categories counted exactly per categorical column before the rest go to "other".</summary>
    public const int CategoryCap = 1000;
}
