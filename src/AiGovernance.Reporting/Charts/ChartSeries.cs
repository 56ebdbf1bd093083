namespace AiGovernance.Reporting.Charts;

/// <summary>One named series of a chart: its values (<see langword="null"/> where undefined) and its colour.</summary>
/// <remarks>Use <see cref="ChartPalette.Reference"/> for the reference and <see cref="ChartPalette.Current"/> for the current
/// window so every chart reads the same way.</remarks>
public sealed record ChartSeries
{
    /// <summary>Creates a series.</summary>
    /// <param name="name">The legend's label.</param>
    /// <param name="values">One value per category, bin or point; <see langword="null"/> where undefined (a gap).</param>
    /// <param name="colour">A CSS colour such as <see cref="ChartPalette.Current"/>.</param>
    /// <param name="style">Solid for observed values, dashed for projections.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="colour"/> is empty, or a value is NaN or
    /// infinite (use <see langword="null"/> for an undefined value).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public ChartSeries(string name, IReadOnlyList<double?> values, string colour, ChartLineStyle style = ChartLineStyle.Solid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrWhiteSpace(colour);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v && !double.IsFinite(v))
            {
                throw new ArgumentException($"Value {i} of series '{name}' is {v}; use null for an undefined value.", nameof(values));
            }
        }

        Name = name;
        Values = values;
        Colour = colour;
        Style = style;
    }

    /// <summary>The legend's label.</summary>
    public string Name { get; }

    /// <summary>The values; <see langword="null"/> where undefined.</summary>
    public IReadOnlyList<double?> Values { get; }

    /// <summary>The CSS colour.</summary>
    public string Colour { get; }

    /// <summary>Solid or dashed.</summary>
    public ChartLineStyle Style { get; }
}
