using System.Globalization;
using AiGovernance.Monitoring.Data;
using AiGovernance.Shared;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Turns a reference file and a current file into two <see cref="TabularData"/> with the same columns and kinds.</summary>
/// <remarks>A column is numeric when the reference file stores it as numbers (Parquet) or when at least
/// <see cref="NumericShare"/> of its non-empty reference cells are numbers (CSV files are read that way already; a
/// Parquet string column is checked here). In a numeric column every non-empty cell of both files must then be a finite
/// number — a stray "n/a" is reported with its file, column and line instead of silently turning the column
/// categorical. Empty cells are missing. Columns are matched by name through dictionaries: O(columns).</remarks>
internal static class TableAssembler
{
    public const double NumericShare = 0.9;

    /// <summary>The reference's column kinds (name → numeric), for reading the current file.</summary>
    public static IReadOnlyDictionary<string, bool> KindsOf(RawTable reference, NumberReader numbers)
    {
        var kinds = new Dictionary<string, bool>(reference.Columns.Count, StringComparer.Ordinal);
        foreach (var column in reference.Columns)
        {
            kinds.TryAdd(column.Name, column.IsNumeric || LooksNumeric(column, reference.RowCount, numbers));
        }

        return kinds;
    }

    public static (TabularData Reference, TabularData Current) Assemble(
        RawTable reference, RawTable current, NumberReader numbers, CancellationToken cancellationToken)
    {
        CheckSameColumns(reference, current);
        var referenceBuilder = TabularData.CreateBuilder();
        var currentBuilder = TabularData.CreateBuilder();
        foreach (var column in reference.Columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var other = current.Find(column.Name)!;
            if (column.IsNumeric || LooksNumeric(column, reference.RowCount, numbers))
            {
                referenceBuilder.AddNumeric(column.Name, ToNumbers(reference, column, numbers));
                currentBuilder.AddNumeric(column.Name, ToNumbers(current, other, numbers));
            }
            else
            {
                CheckNotNumbersInAnotherFormat(reference, column, numbers);
                CheckNotNumbersInAnotherFormat(current, other, numbers);
                var (codes, categories) = ToCodes(column, reference.RowCount);
                referenceBuilder.AddCategorical(column.Name, codes, categories);
                (codes, categories) = ToCodes(other, current.RowCount);
                currentBuilder.AddCategorical(column.Name, codes, categories);
            }
        }

        return (referenceBuilder.Build(), currentBuilder.Build());
    }

    private static void CheckSameColumns(RawTable reference, RawTable current)
    {
        foreach (var table in new[] { reference, current })
        {
            if (table.HasDuplicateNames)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var repeated = table.Columns.First(c => !seen.Add(c.Name)).Name;
                throw new DriftJobInputException($"'{N(table.FileName)}' has two columns named '{N(repeated)}'.");
            }
        }

        var onlyReference = reference.Columns.Where(c => current.Find(c.Name) is null).Select(c => c.Name).ToList();
        var onlyCurrent = current.Columns.Where(c => reference.Find(c.Name) is null).Select(c => c.Name).ToList();
        if (onlyReference.Count == 0 && onlyCurrent.Count == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (onlyReference.Count > 0)
        {
            parts.Add($"'{N(reference.FileName)}' has {Names(onlyReference)} that '{N(current.FileName)}' lacks");
        }

        if (onlyCurrent.Count > 0)
        {
            parts.Add($"'{N(current.FileName)}' has {Names(onlyCurrent)} that '{N(reference.FileName)}' lacks");
        }

        throw new DriftJobInputException($"The columns of the reference and current files do not match: {string.Join("; ", parts)}.");
    }

    private static string Names(List<string> names) =>
        (names.Count == 1 ? "column " : "columns ") + string.Join(", ", names.Take(10).Select(n => "'" + N(n) + "'"))
        + (names.Count > 10 ? $" and {names.Count - 10} more" : string.Empty);

    /// <summary>Whether a categorical column (a Parquet string column) holds numbers in at least the numeric share of its cells.</summary>
    private static bool LooksNumeric(RawColumn column, int rows, NumberReader numbers)
    {
        if (column.IsNumeric)
        {
            return true;
        }

        var counts = new long[column.Categories!.Count];
        long present = 0;
        foreach (var code in column.Codes.AsSpan(0, rows))
        {
            if (code != CategoricalColumn.MissingCode)
            {
                counts[code]++;
                present++;
            }
        }

        long looking = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            looking += counts[k] > 0 && numbers.LooksNumeric(column.Categories[k]) ? counts[k] : 0;
        }

        return present > 0 && looking >= NumericShare * present;
    }

    /// <summary>Stops when a categorical column holds numbers in a format the job does not read (decimal commas, thousands
    /// separators): compared as categories they would hide any drift (#21 defect 5).</summary>
    /// <remarks>The rule: at least the numeric share of the present cells are numbers in either format, and at least one is in
    /// the other format. O(rows + categories); each label is matched once.</remarks>
    private static void CheckNotNumbersInAnotherFormat(RawTable table, RawColumn column, NumberReader numbers)
    {
        if (column.Codes is null)
        {
            return;
        }

        var counts = new long[column.Categories!.Count];
        long present = 0;
        foreach (var code in column.Codes.AsSpan(0, table.RowCount))
        {
            if (code != CategoricalColumn.MissingCode)
            {
                counts[code]++;
                present++;
            }
        }

        long numeric = 0, other = 0;
        string? example = null;
        for (var k = 0; k < counts.Length; k++)
        {
            if (counts[k] == 0)
            {
                continue;
            }

            var label = column.Categories[k];
            if (numbers.LooksNumericInAnotherFormat(label))
            {
                other += counts[k];
                example ??= label;
            }
            else if (numbers.LooksNumeric(label))
            {
                numeric += counts[k];
            }
        }

        if (other > 0 && numeric + other >= NumericShare * present)
        {
            throw new DriftJobInputException(
                $"'{N(table.FileName)}', column '{N(column.Name)}': the values are numbers written with a decimal comma or thousands separators "
                + $"(for example '{Shorten(example!)}'); the job reads numbers with a point for decimals and no separators (5.25, 12345), "
                + "and would otherwise compare them as categories. Write the numbers that way, or convert the file.");
        }
    }

    private static ReadOnlyMemory<double> ToNumbers(RawTable table, RawColumn column, NumberReader numbers)
    {
        if (column.Numbers is { } values)
        {
            var span = values.AsSpan(0, table.RowCount);
            for (var i = 0; i < span.Length; i++)
            {
                if (double.IsInfinity(span[i]))
                {
                    throw new
                        DriftJobInputException($"'{N(table.FileName)}', column '{N(column.Name)}', {table.DescribeRow(i)}: the value is infinite.");
                }
            }

            return values.AsMemory(0, table.RowCount);
        }

        // Labels (a Parquet string column, or a CSV column the reference did not describe): each label parsed once.
        var parsed = new double[column.Categories!.Count];
        var bad = new bool[parsed.Length];
        for (var k = 0; k < parsed.Length; k++)
        {
            bad[k] = !numbers.TryParse(column.Categories[k], out parsed[k]) || double.IsInfinity(parsed[k]);
        }

        var result = new double[table.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            var code = column.Codes![i];
            if (code == CategoricalColumn.MissingCode)
            {
                result[i] = double.NaN;
            }
            else if (bad[code])
            {
                var label = column.Categories[code];
                throw new DriftJobInputException(numbers.IsInfinite(label)
                    ? $"'{N(table.FileName)}', column '{N(column.Name)}', {table.DescribeRow(i)}: '{Shorten(label)}' is infinite; the job compares " +
                        $"finite numbers only. Leave the cell empty for a missing value."
                    : $"'{N(table.FileName)}', column '{N(column.Name)}', {table.DescribeRow(i)}: '{Shorten(label)}' is not a number, but the " +
                        $"column is numeric (its reference values are numbers). Fix the value or leave the cell empty for a missing value."
                        + numbers.Hint(label));
            }
            else
            {
                result[i] = parsed[code];
            }
        }

        return result;
    }

    private static (ReadOnlyMemory<int> Codes, IReadOnlyList<string> Categories) ToCodes(RawColumn column, int rows)
    {
        if (column.Codes is { } codes)
        {
            return (codes.AsMemory(0, rows), column.Categories!);
        }

        // A numeric column (Parquet) in a column the reference holds as text: labels from the numbers.
        var table = new Dictionary<double, int>();
        var labels = new List<string>();
        var result = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var value = column.Numbers![i];
            if (double.IsNaN(value))
            {
                result[i] = CategoricalColumn.MissingCode;
                continue;
            }

            if (!table.TryGetValue(value, out var code))
            {
                code = labels.Count;
                table.Add(value, code);
                labels.Add(value.ToString("R", CultureInfo.InvariantCulture));
            }

            result[i] = code;
        }

        return (result, labels);
    }

    private static string Shorten(string cell) => UntrustedText.Bound(cell, 60);

    private static string N(string name) => UntrustedText.Bound(name);
}
