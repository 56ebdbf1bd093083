using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>The direct loss estimator's feature expansion, fitted on the reference: per numeric column (and the model's
/// prediction) the standardised value and linear-spline hinges max(0, z − κ) at reference quantiles, plus a missing
/// indicator; per categorical column one indicator for each of the most frequent categories, one for the rest and one
/// for missing. An additive linear-spline basis: ridge regression on it is a penalised additive model.</summary>
internal sealed class LossFeatureBasis
{
    public const string PredictionColumn = "(prediction)";

    private readonly NumericTerm[] _numeric;
    private readonly CategoricalTerm[] _categorical;

    private LossFeatureBasis(NumericTerm[] numeric, CategoricalTerm[] categorical)
    {
        _numeric = numeric;
        _categorical = categorical;
        Width = numeric.Sum(t => t.Width) + categorical.Sum(t => t.Width);
    }

    public int Width { get; }

    public int ColumnCount => _numeric.Length + _categorical.Length - 1;

    public static LossFeatureBasis Fit(TabularData? features, ReadOnlySpan<double> predictions, int knots, int maxCategories)
    {
        var numeric = new List<NumericTerm> { NumericTerm.Fit(PredictionColumn, predictions, knots) };
        var categorical = new List<CategoricalTerm>();
        if (features is not null)
        {
            foreach (var column in features.Columns)
            {
                switch (column)
                {
                    case NumericColumn n:
                        numeric.Add(NumericTerm.Fit(n.Name, n.Values.Span, knots));
                        break;
                    case CategoricalColumn c:
                        categorical.Add(CategoricalTerm.Fit(c, maxCategories));
                        break;
                }
            }
        }

        return new LossFeatureBasis([.. numeric], [.. categorical]);
    }

    /// <summary>Binds a table to the basis: every reference column must be present with the same kind.</summary>
    public Bound Bind(TabularData? features, ReadOnlySpan<double> predictions, string featuresName)
    {
        var numeric = new ReadOnlyMemory<double>[_numeric.Length];
        var categorical = new int[_categorical.Length][];
        for (var t = 1; t < _numeric.Length; t++)
        {
            numeric[t] = Column<NumericColumn>(features, _numeric[t].Name, featuresName).Values;
        }

        for (var t = 0; t < _categorical.Length; t++)
        {
            categorical[t] = _categorical[t].MapCodes(Column<CategoricalColumn>(features, _categorical[t].Name, featuresName));
        }

        return new Bound(this, numeric, categorical, features?.RowCount ?? predictions.Length);
    }

    private static T Column<T>(TabularData? features, string name, string featuresName)
        where T : TabularColumn
    {
        if (features is null || !features.TryGetColumn(name, out var column))
        {
            throw new ArgumentException($"The reference's feature column '{name}' is missing from the data.", featuresName);
        }

        return column as T ?? throw new ArgumentException(
            $"Column '{name}' is {column.Kind} here but was {(typeof(T) == typeof(NumericColumn) ? "numeric" : "categorical")} in the reference.",
            featuresName);
    }

    internal sealed class Bound(LossFeatureBasis basis, ReadOnlyMemory<double>[] numeric, int[][] categorical, int rows)
    {
        public int Rows => rows;

        public void Expand(int row, double prediction, Span<double> destination)
        {
            var offset = 0;
            for (var t = 0; t < basis._numeric.Length; t++)
            {
                var value = t == 0 ? prediction : numeric[t].Span[row];
                basis._numeric[t].Expand(value, destination.Slice(offset, basis._numeric[t].Width));
                offset += basis._numeric[t].Width;
            }

            for (var t = 0; t < basis._categorical.Length; t++)
            {
                basis._categorical[t].Expand(categorical[t][row], destination.Slice(offset, basis._categorical[t].Width));
                offset += basis._categorical[t].Width;
            }
        }
    }

    private sealed class NumericTerm
    {
        private readonly double _mean;
        private readonly double _scale;
        private readonly double[] _knots;

        private NumericTerm(string name, double mean, double scale, double[] knots)
        {
            Name = name;
            _mean = mean;
            _scale = scale;
            _knots = knots;
        }

        public string Name { get; }

        // Standardised value, one hinge per knot, a missing indicator.
        public int Width => 2 + _knots.Length;

        public static NumericTerm Fit(string name, ReadOnlySpan<double> values, int knots)
        {
            var present = new List<double>(values.Length);
            foreach (var v in values)
            {
                if (!double.IsNaN(v))
                {
                    present.Add(v);
                }
            }

            if (present.Count < 2)
            {
                return new NumericTerm(name, 0, 0, []);
            }

            var sorted = SortedSample.Create(present.ToArray());
            var scale = sorted.PopulationStandardDeviation;
            if (!(scale > 0))
            {
                return new NumericTerm(name, sorted.Mean, 0, []);
            }

            var cut = new SortedSet<double>();
            for (var k = 1; k <= knots; k++)
            {
                cut.Add((sorted.Quantile((double)k / (knots + 1)) - sorted.Mean) / scale);
            }

            return new NumericTerm(name, sorted.Mean, scale, [.. cut]);
        }

        public void Expand(double value, Span<double> destination)
        {
            destination.Clear();
            if (double.IsNaN(value))
            {
                destination[^1] = 1;
                return;
            }

            if (_scale == 0)
            {
                return;
            }

            var z = (value - _mean) / _scale;
            destination[0] = z;
            for (var k = 0; k < _knots.Length; k++)
            {
                destination[1 + k] = Math.Max(0, z - _knots[k]);
            }
        }
    }

    private sealed class CategoricalTerm
    {
        private readonly Dictionary<string, int> _index;

        private CategoricalTerm(string name, Dictionary<string, int> index)
        {
            Name = name;
            _index = index;
        }

        public string Name { get; }

        // One indicator per kept category, one for any other category, one for missing.
        public int Width => _index.Count + 2;

        public static CategoricalTerm Fit(CategoricalColumn column, int maxCategories)
        {
            var kept = column.CountByCategory()
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(maxCategories)
                .Select((p, i) => (p.Key, i))
                .ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
            return new CategoricalTerm(column.Name, kept);
        }

        // The indicator slot of each of the column's codes: kept categories by name, −1 for other, −2 for missing.
        public int[] MapCodes(CategoricalColumn column)
        {
            var byCode = new int[column.Categories.Count];
            for (var c = 0; c < byCode.Length; c++)
            {
                byCode[c] = _index.TryGetValue(column.Categories[c], out var slot) ? slot : -1;
            }

            var codes = column.Codes.Span;
            var slots = new int[codes.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                slots[i] = codes[i] == CategoricalColumn.MissingCode ? -2 : byCode[codes[i]];
            }

            return slots;
        }

        public void Expand(int slot, Span<double> destination)
        {
            destination.Clear();
            destination[slot >= 0 ? slot : slot == -1 ? _index.Count : _index.Count + 1] = 1;
        }
    }
}
