using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Columnar;

/// <summary>One column of an <see cref="IColumnarSource"/>: its name and whether it holds numbers or categories.</summary>
/// <param name="Name">The column's name (case-sensitive).</param>
/// <param name="Kind">What it holds.</param>
public readonly record struct ColumnarField(string Name, ColumnKind Kind);
