using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>Turns a <see cref="TabularData"/> into a row-major numeric matrix with a layout fitted on the reference.</summary>
/// <remarks>
/// <para>Numeric columns become one feature each; a missing value is replaced by the reference mean of the column (so a
/// change of the missing rate alone is left to the univariate report). Categorical columns are one-hot encoded over their
/// <c>maxCategories</c> most frequent reference categories (ties by ordinal order), plus an "(other)" feature for every
/// other or unseen category and a "(missing)" feature: the width is fixed by the reference, and a new category or a
/// rise of missing labels moves weight onto features that were (nearly) constant in the reference. Columns whose every
/// reference value is missing are left out.</para>
/// </remarks>
internal sealed class FeatureEncoder
{
    public const string Other = "(other)";
    public const string Missing = "(missing)";

    private readonly Part[] _parts;

    private FeatureEncoder(Part[] parts, string[] featureNames, int[] featureColumns, string[] columns)
    {
        _parts = parts;
        FeatureNames = featureNames;
        FeatureColumns = featureColumns;
        Columns = columns;
    }

    /// <summary>The encoded columns, in reference order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One name per feature: the column name, or "column=category" for one-hot features.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>For each feature, the index in <see cref="Columns"/> of the column it came from.</summary>
    public IReadOnlyList<int> FeatureColumns { get; }

    public int Width => FeatureNames.Count;

    public static FeatureEncoder Fit(TabularData reference, int maxCategories)
    {
        var parts = new List<Part>();
        var names = new List<string>();
        var owners = new List<int>();
        var columns = new List<string>();
        foreach (var column in reference.Columns)
        {
            if (column.MissingCount == column.Length)
            {
                continue;
            }

            var index = columns.Count;
            columns.Add(column.Name);
            if (column is NumericColumn numeric)
            {
                double sum = 0;
                var span = numeric.Values.Span;
                foreach (var v in span)
                {
                    sum += double.IsNaN(v) ? 0 : v;
                }

                parts.Add(new Part(column.Name, true, sum / (span.Length - numeric.MissingCount), null));
                names.Add(column.Name);
                owners.Add(index);
                continue;
            }

            var categorical = (CategoricalColumn)column;
            var kept = categorical.CountByCategory()
                .OrderByDescending(pair => pair.Value)
                .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(maxCategories)
                .Select(pair => pair.Key)
                .ToArray();
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var category in kept)
            {
                slots[category] = slots.Count;
                names.Add($"{column.Name}={category}");
                owners.Add(index);
            }

            names.Add($"{column.Name}={Other}");
            names.Add($"{column.Name}={Missing}");
            owners.Add(index);
            owners.Add(index);
            parts.Add(new Part(column.Name, false, double.NaN, slots));
        }

        if (names.Count == 0)
        {
            throw new ArgumentException("Every column of the reference is entirely missing; there is nothing to encode.", nameof(reference));
        }

        return new FeatureEncoder([.. parts], [.. names], [.. owners], [.. columns]);
    }

    /// <summary>Encodes every row of <paramref name="data"/>, which must hold every encoded column with its reference kind.</summary>
    public double[] Encode(TabularData data, string paramName)
    {
        var width = Width;
        var rows = data.RowCount;
        var result = new double[(long)rows * width];
        var offset = 0;
        foreach (var part in _parts)
        {
            if (!data.TryGetColumn(part.Column, out var column))
            {
                throw new ArgumentException($"The data have no column '{part.Column}', which the multivariate reference encodes.", paramName);
            }

            if (column.Kind != (part.Numeric ? ColumnKind.Numeric : ColumnKind.Categorical))
            {
                throw new ArgumentException(
                    $"Column '{part.Column}' is {column.Kind} but was {(part.Numeric ? "Numeric" : "Categorical")} in the reference.",
                    paramName);
            }

            if (part.Numeric)
            {
                var values = ((NumericColumn)column).Values.Span;
                for (var i = 0; i < rows; i++)
                {
                    var v = values[i];
                    result[((long)i * width) + offset] = double.IsNaN(v) ? part.Mean : v;
                }

                offset++;
                continue;
            }

            var categorical = (CategoricalColumn)column;
            var codes = categorical.Codes.Span;

            // Map the window's category codes onto the reference's slots once, not per row.
            var slotOfCode = new int[categorical.Categories.Count];
            for (var c = 0; c < slotOfCode.Length; c++)
            {
                slotOfCode[c] = part.Slots!.TryGetValue(categorical.Categories[c], out var slot) ? slot : part.Slots.Count;
            }

            for (var i = 0; i < rows; i++)
            {
                var code = codes[i];
                var slot = code == CategoricalColumn.MissingCode ? part.Slots!.Count + 1 : slotOfCode[code];
                result[((long)i * width) + offset + slot] = 1.0;
            }

            offset += part.Slots!.Count + 2;
        }

        return result;
    }

    private sealed record Part(string Column, bool Numeric, double Mean, Dictionary<string, int>? Slots);
}
