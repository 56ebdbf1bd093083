using System.Collections.ObjectModel;
using System.Data;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Data;

/// <summary>A small columnar table: named numeric and categorical columns of equal length.</summary>
/// <remarks>Immutable and safe to share across threads. Build one with <see cref="CreateBuilder"/> or
/// <see cref="FromDataReader"/>; no data-frame library is needed.</remarks>
public sealed class TabularData
{
    private readonly Dictionary<string, TabularColumn> _byName;

    internal TabularData(List<TabularColumn> columns, int rowCount)
    {
        Columns = new ReadOnlyCollection<TabularColumn>(columns);
        RowCount = rowCount;
        _byName = new Dictionary<string, TabularColumn>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            _byName.Add(column.Name, column);
        }
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The columns in the order they were added.</summary>
    public IReadOnlyList<TabularColumn> Columns { get; }

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <param name="name">The column's name (case-sensitive).</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public TabularColumn this[string name] =>
        TryGetColumn(name, out var column)
            ? column
            : throw new ArgumentException($"The data has no column named '{UntrustedText.Bound(name)}'.", nameof(name));

    /// <summary>Starts a new table.</summary>
    /// <returns>An empty builder.</returns>
    public static TabularDataBuilder CreateBuilder() => new();

    /// <summary>Looks a column up by name.</summary>
    /// <param name="name">The column's name (case-sensitive).</param>
    /// <param name="column">The column, when found.</param>
    /// <returns><see langword="true"/> when the column exists.</returns>
    public bool TryGetColumn(string name, [NotNullWhen(true)] out TabularColumn? column)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out column);
    }

    /// <summary>Reads every remaining row of a data reader into a table.</summary>
    /// <param name="reader">The row source; read to the end but not closed.</param>
    /// <param name="kinds">Overrides the inferred kind per column name. By default fields of numeric CLR types (and
    /// <see cref="bool"/>, read as 0/1) become numeric columns and everything else categorical (formatted with the
    /// invariant culture). <see cref="DBNull"/> and <see langword="null"/> are missing.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="ArgumentException">A kind override names a field the reader lacks, or a value of a numeric
    /// column cannot be converted to a finite number (the message names the row and column).</exception>
    public static TabularData FromDataReader(IDataReader reader, IReadOnlyDictionary<string, ColumnKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fieldCount = reader.FieldCount;
        var names = new string[fieldCount];
        var numeric = new bool[fieldCount];
        for (var f = 0; f < fieldCount; f++)
        {
            names[f] = reader.GetName(f);
            numeric[f] = IsNumericType(reader.GetFieldType(f));
        }

        if (kinds is not null)
        {
            foreach (var (name, kind) in kinds)
            {
                var index = Array.IndexOf(names, name);
                if (index < 0)
                {
                    throw new ArgumentException($"The reader has no field named '{UntrustedText.Bound(name)}'.", nameof(kinds));
                }

                numeric[index] = kind == ColumnKind.Numeric;
            }
        }

        var numbers = new List<double>?[fieldCount];
        var labels = new List<string?>?[fieldCount];
        for (var f = 0; f < fieldCount; f++)
        {
            if (numeric[f])
            {
                numbers[f] = [];
            }
            else
            {
                labels[f] = [];
            }
        }

        var row = 0;
        while (reader.Read())
        {
            for (var f = 0; f < fieldCount; f++)
            {
                var value = reader.IsDBNull(f) ? null : reader.GetValue(f);
                if (numeric[f])
                {
                    numbers[f]!.Add(ToDouble(value, names[f], row, nameof(reader)));
                }
                else
                {
                    labels[f]!.Add(value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }

            row++;
        }

        var builder = new TabularDataBuilder();
        for (var f = 0; f < fieldCount; f++)
        {
            if (numeric[f])
            {
                builder.AddNumeric(names[f], numbers[f]!.ToArray());
            }
            else
            {
                builder.AddCategorical(names[f], CollectionsMarshalSpan(labels[f]!));
            }
        }

        return builder.Build();
    }

    private static ReadOnlySpan<string?> CollectionsMarshalSpan(List<string?> list) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);

    private static bool IsNumericType(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal)
        || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)
        || type == typeof(bool);

    private static double ToDouble(object? value, string column, int row, string paramName)
    {
        if (value is null)
        {
            return double.NaN;
        }

        double result;
        try
        {
            result = value switch
            {
                bool b => b ? 1 : 0,
                string s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            var shown = UntrustedText.Bound(Convert.ToString(value, CultureInfo.InvariantCulture), 60);
            throw new ArgumentException(
                $"Row {row} of column '{UntrustedText.Bound(column)}' holds '{shown}', which is not a number.", paramName, ex);
        }

        if (double.IsInfinity(result))
        {
            throw new ArgumentException($"Row {row} of column '{UntrustedText.Bound(column)}' holds an infinity.", paramName);
        }

        return result;
    }
}
