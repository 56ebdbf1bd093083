using System.Collections.ObjectModel;
using System.Text.Json;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Drift;

/// <summary>A window of current data summarised as one mergeable <see cref="ColumnProfile"/> per reference column, on the
/// reference's bins: what a service replica or a batch worker sends instead of its rows, so many partial windows merged
/// into one give the whole window's drift.</summary>
/// <remarks>
/// <para><b>Exact parts.</b> Row, missing, bin and category counts are exact and merge exactly (associative and
/// commutative), so PSI, Jensen–Shannon, chi-squared and the missing-rate test computed by
/// <see cref="DataDriftDetector.Compare(DriftReference, WindowProfile)"/> equal the in-memory detector's on the concatenated
/// rows, bit for bit. Numeric distributions beyond the bins are kept in KLL sketches (k = <c>sketchK</c>), whose
/// Wasserstein and Kolmogorov–Smirnov estimates carry a stated error bound.</para>
/// <para><b>Categories.</b> Each categorical column counts up to <c>categoryCap</c> categories exactly (the ordinally first
/// ones; the rest in an "other" bucket, see <see cref="ColumnProfile"/>). While a window and its reference together hold
/// no more categories than the cap, categorical results equal the in-memory detector's.</para>
/// <para>Not thread-safe while rows are added: build one per thread, partition or replica and <see cref="Merge"/> them.</para>
/// </remarks>
public sealed class WindowProfile
{
    private readonly ColumnProfile[] _columns;
    private readonly int[] _numericColumns;
    private readonly int[] _categoricalColumns;

    private WindowProfile(string[] names, ColumnProfile[] columns, long rowCount)
    {
        _columns = columns;
        ColumnNames = new ReadOnlyCollection<string>(names);
        Columns = new ReadOnlyCollection<ColumnProfile>(columns);
        RowCount = rowCount;
        var numeric = new List<int>();
        var categorical = new List<int>();
        for (var i = 0; i < columns.Length; i++)
        {
            (columns[i].Kind == ColumnKind.Numeric ? numeric : categorical).Add(i);
        }

        _numericColumns = [.. numeric];
        _categoricalColumns = [.. categorical];
    }

    /// <summary>The columns' names, in the reference's column order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>One profile per column, in <see cref="ColumnNames"/> order.</summary>
    public IReadOnlyList<ColumnProfile> Columns { get; }

    /// <summary>The number of rows summarised (missing values included).</summary>
    public long RowCount { get; private set; }

    /// <summary>The number of numeric columns: the length <see cref="AddRow"/> expects of its numeric values.</summary>
    public int NumericColumnCount => _numericColumns.Length;

    /// <summary>The number of categorical columns: the length <see cref="AddRow"/> expects of its categorical values.</summary>
    public int CategoricalColumnCount => _categoricalColumns.Length;

    /// <summary>Creates an empty window profile for a reference: numeric columns on the reference's PSI bins, categorical
    /// columns with a category cap.</summary>
    /// <param name="reference">The fitted reference.</param>
    /// <param name="sketchK">The accuracy parameter of the numeric columns' KLL sketches.</param>
    /// <param name="sketchSeed">The sketches' seed; profiles merge only with the same k and seed.</param>
    /// <param name="categoryCap">How many categories each categorical column counts exactly.</param>
    /// <returns>The empty profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sketchK"/> or <paramref name="categoryCap"/> is out of the
    /// range <see cref="ColumnProfileOptions"/> documents.</exception>
    public static WindowProfile Create(
        DriftReference reference,
        int sketchK = WindowProfileDefaults.SketchK,
        long sketchSeed = 0,
        int categoryCap = WindowProfileDefaults.CategoryCap)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var names = new string[reference.Columns.Count];
        var columns = new ColumnProfile[names.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var column = reference.Columns[i];
            names[i] = column.Name;
            var options = new ColumnProfileOptions { SketchK = sketchK, SketchSeed = sketchSeed, CategoryCap = categoryCap };
            if (column.Kind == ColumnKind.Numeric)
            {
                options.Edges = column.Profile.Edges;
            }

            try
            {
                columns[i] = column.Kind == ColumnKind.Numeric ? ColumnProfile.CreateNumeric(options) : ColumnProfile.CreateCategorical(options);
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ArgumentOutOfRangeException(column.Kind == ColumnKind.Numeric ? nameof(sketchK) : nameof(categoryCap), e.Message);
            }
        }

        return new WindowProfile(names, columns, 0);
    }

    /// <summary>The profile of the column named <paramref name="name"/>.</summary>
    /// <param name="name">The column's name (case-sensitive).</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public ColumnProfile GetColumn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(name);
        return index >= 0 ? _columns[index] : throw new ArgumentException($"The window profile has no column named '{name}'.", nameof(name));
    }

    /// <summary>The name of the <paramref name="index"/>-th numeric column (the slot of <see cref="AddRow"/>'s numeric values).</summary>
    /// <param name="index">The numeric slot, in [0, <see cref="NumericColumnCount"/>).</param>
    /// <returns>The column's name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public string GetNumericColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _numericColumns.Length);
        return ColumnNames[_numericColumns[index]];
    }

    /// <summary>The name of the <paramref name="index"/>-th categorical column (the slot of <see cref="AddRow"/>'s categorical values).</summary>
    /// <param name="index">The categorical slot, in [0, <see cref="CategoricalColumnCount"/>).</param>
    /// <returns>The column's name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public string GetCategoricalColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _categoricalColumns.Length);
        return ColumnNames[_categoricalColumns[index]];
    }

    /// <summary>Adds one row.</summary>
    /// <param name="numericValues">The numeric columns' values in reference order (NaN is missing); length <see cref="NumericColumnCount"/>.</param>
    /// <param name="categoricalValues">The categorical columns' values in reference order (null is missing); length
    /// <see cref="CategoricalColumnCount"/>.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, a numeric value is an infinity, or a category holds a
    /// lone surrogate. Nothing of the row is added.</exception>
    /// <remarks>No allocation once each category has been seen; the sketches' amortised O(log k) per numeric value.</remarks>
    public void AddRow(ReadOnlySpan<double> numericValues, ReadOnlySpan<string?> categoricalValues)
    {
        if (numericValues.Length != _numericColumns.Length)
        {
            throw new ArgumentException($"Expected {_numericColumns.Length} numeric values, got {numericValues.Length}.", nameof(numericValues));
        }

        if (categoricalValues.Length != _categoricalColumns.Length)
        {
            throw new ArgumentException($"Expected {_categoricalColumns.Length} categorical values, got {categoricalValues.Length}.",
                nameof(categoricalValues));
        }

        for (var i = 0; i < numericValues.Length; i++)
        {
            if (double.IsInfinity(numericValues[i]))
            {
                throw new ArgumentException(
                    $"Column '{ColumnNames[_numericColumns[i]]}' holds {numericValues[i]}; NaN is missing, infinities are rejected.",
                        nameof(numericValues));
            }
        }

        for (var i = 0; i < categoricalValues.Length; i++)
        {
            if (categoricalValues[i] is { } label && !_columns[_categoricalColumns[i]].CategoryCounts.ContainsKey(label))
            {
                Utf16Text.ThrowIfMalformed(label, $"the value of column '{ColumnNames[_categoricalColumns[i]]}'", nameof(categoricalValues));
            }
        }

        for (var i = 0; i < numericValues.Length; i++)
        {
            _columns[_numericColumns[i]].Add(numericValues[i]);
        }

        for (var i = 0; i < categoricalValues.Length; i++)
        {
            _columns[_categoricalColumns[i]].Add(categoricalValues[i]);
        }

        RowCount++;
    }

    /// <summary>Adds every row of a table (a partition of a batch job, for example).</summary>
    /// <param name="data">The rows: it must hold every column of the profile with the same kind; other columns are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="ArgumentException">A column is absent or of the other kind (nothing is added).</exception>
    public void AddRows(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sources = new TabularColumn[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!data.TryGetColumn(ColumnNames[i], out var column))
            {
                throw new ArgumentException($"The data has no column '{ColumnNames[i]}', which the reference has.", nameof(data));
            }

            var expected = _columns[i].Kind == ColumnKind.Numeric ? ColumnKind.Numeric : ColumnKind.Categorical;
            if (column.Kind != expected)
            {
                throw new ArgumentException($"Column '{ColumnNames[i]}' is {column.Kind} in the data but {expected} in the reference.", nameof(data));
            }

            sources[i] = column;
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            if (sources[i] is NumericColumn numeric)
            {
                _columns[i].Add(numeric.Values.Span);
            }
            else
            {
                ColumnReference.AddCategories(_columns[i], (CategoricalColumn)sources[i]);
            }
        }

        RowCount += data.RowCount;
    }

    /// <summary>Merges two window profiles of the same reference into a new one; the inputs are not changed.</summary>
    /// <param name="first">A profile.</param>
    /// <param name="second">A profile with the same columns, bins, sketch parameters and category cap.</param>
    /// <returns>The profile of both windows' rows together.</returns>
    /// <exception cref="ArgumentNullException">A profile is null.</exception>
    /// <exception cref="ArgumentException">The profiles differ in their columns or parameters.</exception>
    public static WindowProfile Merge(WindowProfile first, WindowProfile second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first.ColumnNames.SequenceEqual(second.ColumnNames, StringComparer.Ordinal))
        {
            throw new ArgumentException("The window profiles have different columns.", nameof(second));
        }

        var columns = new ColumnProfile[first._columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            try
            {
                columns[i] = ColumnProfile.Merge(first._columns[i], second._columns[i]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Column '{first.ColumnNames[i]}': {e.Message}", nameof(second), e);
            }
        }

        return new WindowProfile([.. first.ColumnNames], columns, first.RowCount + second.RowCount);
    }

    /// <summary>Serialises the profile as JSON (source-generated; each column through the Statistics package's own serializer).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var data = new WindowProfileData
        {
            RowCount = RowCount,
            Columns = [.. ColumnNames.Select((name, i) => new WindowProfileColumnData
            {
                Name = name,
                Profile = JsonSerializer.SerializeToElement(_columns[i], StatisticsJsonContext.Default.ColumnProfile),
            })],
        };
        return JsonSerializer.Serialize(data, MonitoringJsonContext.Default.WindowProfileData);
    }

    /// <summary>Reads a profile written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a valid, self-consistent window profile.</exception>
    public static WindowProfile FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var data = JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.WindowProfileData)
            ?? throw new JsonException("The JSON text is null, not a window profile.");
        var columns = data.Columns ?? throw new JsonException("A window profile needs 'columns'.");
        var names = new string[columns.Count];
        var profiles = new ColumnProfile[columns.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Length; i++)
        {
            names[i] = columns[i].Name is { Length: > 0 } name && seen.Add(name)
                ? name
                : throw new JsonException($"Column {i} of the window profile has no name, or a repeated one.");
            profiles[i] = columns[i].Profile.ValueKind == JsonValueKind.Object
                ? columns[i].Profile.Deserialize(StatisticsJsonContext.Default.ColumnProfile)
                    ?? throw new JsonException($"Column '{name}' has a null profile.")
                : throw new JsonException($"Column '{name}' needs a 'profile' object.");
            if (profiles[i].Count + profiles[i].MissingCount != data.RowCount)
            {
                throw new JsonException($"Column '{name}' counts {profiles[i].Count + profiles[i].MissingCount} values but the window has " +
                    $"{data.RowCount} rows.");
            }
        }

        return data.RowCount < 0 ? throw new JsonException("The row count is negative.") : new WindowProfile(names, profiles, data.RowCount);
    }

    internal int IndexOf(string name)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (string.Equals(ColumnNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
