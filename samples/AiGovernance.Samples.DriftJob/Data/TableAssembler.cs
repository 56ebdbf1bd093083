using System.Globalization;
using AiGovernance.Monitoring.Data;
using AiGovernance.Shared;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Turns a reference file and a current file into two <see cref="TabularData"/> with the same columns and kinds.</summary>
/// <remarks>A column is numeric when the reference file stores it as numbers (Parquet) or when at least
/// <see cref="NumericShare"/> of its non-empty reference cells parse as numbers (invariant culture); otherwise it is
/// categorical. In a numeric column every non-empty cell of both files must then be a finite number — a stray "n/a" is
/// reported with its file, column and line instead of silently turning the column categorical. Empty cells are
/// missing.</remarks>
internal static class TableAssembler
{
    public const double NumericShare = 0.9;

    public static (TabularData Reference, TabularData Current) Assemble(RawTable reference, RawTable current, CancellationToken cancellationToken)
    {
        CheckSameColumns(reference, current);
        var referenceBuilder = TabularData.CreateBuilder();
        var currentBuilder = TabularData.CreateBuilder();
        foreach (var column in reference.Columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var other = current.Find(column.Name)!;
            if (IsNumeric(column))
            {
                referenceBuilder.AddNumeric(column.Name, ToNumbers(reference, column));
                currentBuilder.AddNumeric(column.Name, ToNumbers(current, other));
            }
            else
            {
                referenceBuilder.AddCategorical(column.Name, ToLabels(column));
                currentBuilder.AddCategorical(column.Name, ToLabels(other));
            }
        }

        return (referenceBuilder.Build(), currentBuilder.Build());
    }

    private static void CheckSameColumns(RawTable reference, RawTable current)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { reference, current })
        {
            seen.Clear();
            foreach (var column in table.Columns)
            {
                if (!seen.Add(column.Name))
                {
                    throw new DriftJobInputException($"'{N(table.FileName)}' has two columns named '{N(column.Name)}'.");
                }
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
        (names.Count == 1 ? "column " : "columns ") + string.Join(", ", names.Take(10).Select(n => "'" + N(n) + "'")) + (names.Count > 10 ? $" and {names.Count - 10} more" : string.Empty);

    private static bool IsNumeric(RawColumn column)
    {
        if (column.Numbers is not null)
        {
            return true;
        }

        int present = 0, numbers = 0;
        foreach (var cell in column.Text!)
        {
            if (cell is null)
            {
                continue;
            }

            present++;
            if (TabularFileReader.TryParseNumber(cell, out var value) && double.IsFinite(value))
            {
                numbers++;
            }
        }

        return present > 0 && numbers >= NumericShare * present;
    }

    private static double[] ToNumbers(RawTable table, RawColumn column)
    {
        if (column.Numbers is not null)
        {
            for (var i = 0; i < column.Numbers.Length; i++)
            {
                if (double.IsInfinity(column.Numbers[i]))
                {
                    throw new DriftJobInputException($"'{N(table.FileName)}', column '{N(column.Name)}', {table.DescribeRow(i)}: the value is infinite.");
                }
            }

            return column.Numbers;
        }

        var text = column.Text!;
        var result = new double[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var cell = text[i];
            if (cell is null)
            {
                result[i] = double.NaN;
            }
            else if (TabularFileReader.TryParseNumber(cell, out var value) && !double.IsInfinity(value))
            {
                result[i] = value;
            }
            else
            {
                throw new DriftJobInputException(
                    $"'{N(table.FileName)}', column '{N(column.Name)}', {table.DescribeRow(i)}: '{Shorten(cell)}' is not a number, but the column is numeric (its reference values are numbers). Fix the value or leave the cell empty for a missing value.");
            }
        }

        return result;
    }

    private static string?[] ToLabels(RawColumn column)
    {
        if (column.Text is not null)
        {
            return column.Text;
        }

        var numbers = column.Numbers!;
        var labels = new string?[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            labels[i] = double.IsNaN(numbers[i]) ? null : numbers[i].ToString("R", CultureInfo.InvariantCulture);
        }

        return labels;
    }

    private static string Shorten(string cell) => UntrustedText.Bound(cell, 60);

    private static string N(string name) => UntrustedText.Bound(name);
}
