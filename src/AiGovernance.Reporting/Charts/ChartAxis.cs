namespace AiGovernance.Reporting.Charts;

/// <summary>An axis's label and unit; every chart labels both axes (for example "latency", "ms").</summary>
public sealed record ChartAxis
{
    /// <summary>Creates an axis description.</summary>
    /// <param name="label">What the axis measures, for example "share of present values".</param>
    /// <param name="unit">The unit, for example "%", "ms" or "week"; <see langword="null"/> for a dimensionless quantity.</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is empty or white space, or <paramref name="unit"/> is
    /// empty.</exception>
    public ChartAxis(string label, string? unit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (unit is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        }

        Label = label;
        Unit = unit;
    }

    /// <summary>What the axis measures.</summary>
    public string Label { get; }

    /// <summary>The unit, or <see langword="null"/> for a dimensionless quantity.</summary>
    public string? Unit { get; }

    /// <summary>The axis title as drawn: the label with the unit in parentheses.</summary>
    public string Title => Unit is null ? Label : Label + " (" + Unit + ")";
}
