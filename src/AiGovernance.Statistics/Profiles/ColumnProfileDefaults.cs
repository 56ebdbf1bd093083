namespace AiGovernance.Statistics;

/// <summary>Defaults of <see cref="ColumnProfileOptions"/>.</summary>
internal static class ColumnProfileDefaults
{
    public const int CategoryCap = 1000;
    public const int MaximumCategoryCap = 1_000_000;
    public const string OtherCategory = "(other)";
}
