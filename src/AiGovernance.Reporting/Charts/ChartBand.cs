namespace AiGovernance.Reporting.Charts;

/// <summary>A shaded band behind a time series, such as a confidence interval; <see langword="null"/> bounds leave a gap.</summary>
public sealed record ChartBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="name">The legend's label, for example "95% interval".</param>
    /// <param name="lower">The lower bound per point.</param>
    /// <param name="upper">The upper bound per point.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, the bounds differ in length, a bound is NaN or
    /// infinite, or a lower bound is above its upper bound.</exception>
    /// <exception cref="ArgumentNullException">A bound list is null.</exception>
    public ChartBand(string name, IReadOnlyList<double?> lower, IReadOnlyList<double?> upper)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Count != upper.Count)
        {
            throw new ArgumentException($"The band has {lower.Count} lower and {upper.Count} upper bounds.", nameof(upper));
        }

        for (var i = 0; i < lower.Count; i++)
        {
            if (lower[i] is { } l && upper[i] is { } u && (!double.IsFinite(l) || !double.IsFinite(u) || l > u))
            {
                throw new ArgumentException($"Band point {i} is [{l}, {u}]; bounds must be finite and ordered.", nameof(lower));
            }
        }

        Name = name;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The legend's label.</summary>
    public string Name { get; }

    /// <summary>The lower bounds.</summary>
    public IReadOnlyList<double?> Lower { get; }

    /// <summary>The upper bounds.</summary>
    public IReadOnlyList<double?> Upper { get; }
}
