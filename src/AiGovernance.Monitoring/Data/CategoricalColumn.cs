using System.Collections.ObjectModel;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Data;

/// <summary>A categorical column held as integer codes into a category table; <see cref="MissingCode"/> marks a missing value.</summary>
public sealed class CategoricalColumn : TabularColumn
{
    /// <summary>The code of a missing value.</summary>
    public const int MissingCode = -1;

    private readonly string[] _categories;

    /// <summary>Wraps codes and their category table.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="codes">One code per row: an index into <paramref name="categories"/>, or <see cref="MissingCode"/>. Must not be mutated
    /// afterwards.</param>
    /// <param name="categories">The category labels; distinct and non-null. Copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, a category is null or repeated, the name or a category
    /// holds a lone surrogate (not well-formed UTF-16, so not storable as JSON), or a code is out of range (the message names the row).</exception>
    public CategoricalColumn(string name, ReadOnlyMemory<int> codes, IReadOnlyList<string> categories)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _categories = [.. categories];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _categories.Length; i++)
        {
            if (_categories[i] is null || !seen.Add(_categories[i]))
            {
                throw new ArgumentException($"Column '{UntrustedText.Bound(name)}': category {i} is null or repeated.", nameof(categories));
            }

            Utf16Text.ThrowIfMalformed(_categories[i], $"category {i} of column '{UntrustedText.Bound(name)}'", nameof(categories));
        }

        var span = codes.Span;
        var missing = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == MissingCode)
            {
                missing++;
            }
            else if ((uint)span[i] >= (uint)_categories.Length)
            {
                throw new ArgumentException(
                    $"Column '{UntrustedText.Bound(name)}' has code {span[i]} at row {i}; " +
                        $"codes must be in [0, {_categories.Length}) or {MissingCode} for missing.",
                    nameof(codes));
            }
        }

        Codes = codes;
        Categories = new ReadOnlyCollection<string>(_categories);
        MissingCount = missing;
    }

    /// <summary>One code per row.</summary>
    public ReadOnlyMemory<int> Codes { get; }

    /// <summary>The category table indexed by code.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Categorical;

    /// <inheritdoc />
    public override int Length => Codes.Length;

    /// <inheritdoc />
    public override int MissingCount { get; }

    /// <summary>Dictionary-encodes string values; <see langword="null"/> is missing. Categories are numbered in order of first appearance.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The column.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or it or a value holds a lone surrogate (not
    /// well-formed UTF-16, so not storable as JSON).</exception>
    public static CategoricalColumn FromValues(string name, ReadOnlySpan<string?> values)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        var codes = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is null)
            {
                codes[i] = MissingCode;
                continue;
            }

            if (!table.TryGetValue(value, out var code))
            {
                Utf16Text.ThrowIfMalformed(value, $"value at row {i}", nameof(values));
                code = categories.Count;
                table.Add(value, code);
                categories.Add(value);
            }

            codes[i] = code;
        }

        return new CategoricalColumn(name, codes, categories);
    }

    /// <summary>The label at <paramref name="row"/>, or <see langword="null"/> when missing.</summary>
    /// <param name="row">The row index.</param>
    /// <returns>The label or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the column.</exception>
    public string? GetValue(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Length);
        var code = Codes.Span[row];
        return code == MissingCode ? null : _categories[code];
    }

    /// <summary>Counts rows per category label (missing values excluded); categories that never occur are included with 0.</summary>
    /// <returns>Label → count, ordinal comparison.</returns>
    public Dictionary<string, long> CountByCategory()
    {
        var counts = new long[_categories.Length];
        var span = Codes.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] != MissingCode)
            {
                counts[span[i]]++;
            }
        }

        var result = new Dictionary<string, long>(_categories.Length, StringComparer.Ordinal);
        for (var c = 0; c < _categories.Length; c++)
        {
            result.Add(_categories[c], counts[c]);
        }

        return result;
    }
}
