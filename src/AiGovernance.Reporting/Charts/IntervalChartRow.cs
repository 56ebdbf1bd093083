namespace AiGovernance.Reporting.Charts;

/// <summary>One row of an <see cref="IntervalChart"/>: a point estimate with its interval.</summary>
/// <param name="Label">The row's label (a group, a reviewer, a gate).</param>
/// <param name="Estimate">The point estimate, or <see langword="null"/> when undefined.</param>
/// <param name="Lower">The interval's lower bound, or <see langword="null"/>.</param>
/// <param name="Upper">The interval's upper bound, or <see langword="null"/>.</param>
/// <param name="Colour">The row's colour, for example <see cref="ChartPalette.Current"/> or a severity colour.</param>
public sealed record IntervalChartRow(string Label, double? Estimate, double? Lower, double? Upper, string Colour);
