namespace AiGovernance.Statistics;

/// <summary>One bin's share of a <see cref="PsiResult"/>: which bins moved, and by how much.</summary>
/// <param name="Index">The bin index (bins of numeric data in ascending order; categories in ordinal order).</param>
/// <param name="LowerBound">The exclusive lower boundary (−∞ for the first bin); NaN for a category.</param>
/// <param name="UpperBound">The inclusive upper boundary (+∞ for the last bin); NaN for a category.</param>
/// <param name="Category">The category, or null for a numeric bin; for profiles whose category cap overflowed, the
/// remainder bin is named <see cref="ColumnProfile.OtherCategory"/>.</param>
/// <param name="ReferenceCount">Reference values in the bin.</param>
/// <param name="CurrentCount">Current values in the bin.</param>
/// <param name="ReferenceProportion">r = ReferenceCount / n_ref, or ε when the bin is empty.</param>
/// <param name="CurrentProportion">c = CurrentCount / n_cur, or ε when the bin is empty.</param>
/// <param name="Contribution">(c − r)·ln(c / r) ≥ 0; the PSI is the sum over bins.</param>
public readonly record struct PsiBin(
    int Index,
    double LowerBound,
    double UpperBound,
    string? Category,
    long ReferenceCount,
    long CurrentCount,
    double ReferenceProportion,
    double CurrentProportion,
    double Contribution);
