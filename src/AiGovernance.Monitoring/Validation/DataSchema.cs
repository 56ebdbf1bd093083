using System.Globalization;
using System.Text.Json;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Validation;

/// <summary>Per-column ingestion rules. <see cref="Validate"/> lists every violation; <see cref="EnsureValid"/> throws
/// <see cref="DataQualityException"/> so a pipeline pauses instead of training or scoring on bad data.</summary>
/// <remarks>Infer a schema from a reference dataset with <see cref="Infer"/> and then edit it with <c>with</c> expressions.
/// Immutable; one schema may validate many datasets concurrently.</remarks>
public sealed record DataSchema
{
    /// <summary>The column rules.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; init; } = [];

    /// <summary>Whether data may hold columns the schema does not describe.</summary>
    /// <value>The default value is <see langword="false"/>: unexpected columns are reported.</value>
    public bool AllowUnexpectedColumns { get; init; }

    /// <summary>The fitted reference that distribution rules (<see cref="ColumnSchema.MaxPsi"/>,
    /// <see cref="ColumnSchema.MinKolmogorovSmirnovPValue"/>) compare with, or <see langword="null"/>.</summary>
    public DriftReference? Reference { get; init; }

    /// <summary>The rules for the column named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The column rules or <see langword="null"/>.</returns>
    public ColumnSchema? Find(string name) => ColumnIndex<ColumnSchema>.Find(Columns, name, static c => c.Name);

    /// <summary>Returns a copy in which the column named <paramref name="name"/> is replaced by <paramref name="edit"/>'s result.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="edit">Produces the new rules, typically with a <c>with</c> expression.</param>
    /// <returns>The edited schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edit"/> is null.</exception>
    /// <exception cref="ArgumentException">The schema has no such column.</exception>
    public DataSchema WithColumn(string name, Func<ColumnSchema, ColumnSchema> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var columns = Columns.ToList();
        var index = columns.FindIndex(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"The schema has no column named '{name}'.", nameof(name));
        }

        columns[index] = edit(columns[index]);
        return this with { Columns = columns };
    }

    /// <summary>Infers a schema from a reference dataset: kinds, required columns, ranges widened by a margin, missing-rate
    /// limits with slack, and the observed category labels.</summary>
    /// <param name="reference">The reference (for example training) data.</param>
    /// <param name="options">How limits are derived; defaults when <see langword="null"/>.</param>
    /// <param name="fitted">The reference already fitted on <paramref name="reference"/>, for the distribution rules; when
    /// <see langword="null"/> and a distribution rule is wanted, the reference is fitted here.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> has no rows, or <paramref name="fitted"/> was not
    /// fitted on it (its columns, kinds, rows or missing counts differ).</exception>
    /// <exception cref="ArgumentException">An option is outside its documented range (named <paramref name="options"/>; the
    /// message lists every one): a negative or non-finite margin, a rate outside [0, 1], or a NaN, negative or infinite PSI
    /// limit. Infer must not produce a schema that Validate later refuses as inconsistent, so the ranges are enforced here.</exception>
    /// <remarks>Ranges whose widened bounds would exceed the double range are capped at ±<see cref="double.MaxValue"/>.
    /// A distribution rule (<see cref="SchemaInferenceOptions.MaxPsi"/>, on by default, or a KS rule) needs a fitted
    /// reference: a job that fits one for drift anyway passes it as <paramref name="fitted"/>, so it is not fitted twice. Without
    /// fitting, inference is one O(rows) pass per column.</remarks>
    public static DataSchema Infer(TabularData reference, SchemaInferenceOptions? options = null, DriftReference? fitted = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.RowCount == 0)
        {
            throw new ArgumentException("A schema cannot be inferred from data with no rows.", nameof(reference));
        }

        if (fitted is not null && !Describes(fitted, reference))
        {
            throw new ArgumentException("The fitted reference was not fitted on this data (its columns, kinds or rows differ).", nameof(fitted));
        }

        options ??= new SchemaInferenceOptions();
        OptionsGuard.ThrowIfInvalid(options, nameof(options), SchemaInferenceOptionsValidator.Instance);
        var columns = new List<ColumnSchema>(reference.Columns.Count);
        foreach (var column in reference.Columns)
        {
            var maxMissing = Math.Min(1, column.MissingRate + options.MissingRateSlack);
            if (column is NumericColumn numeric)
            {
                double? min = null, max = null;
                if (numeric.MissingCount < numeric.Length)
                {
                    var (lo, hi) = MinMax(numeric.Values.Span);

                    // hi − lo overflows for data near ±1e308 (∞·0 would be NaN) and a wide margin can pass the double
                    // range: cap at ±MaxValue so the schema stays finite and serialisable.
                    var margin = options.RangeMargin == 0 ? 0 : (hi - lo) * options.RangeMargin;
                    min = Math.Max(lo - margin, double.MinValue);
                    max = Math.Min(hi + margin, double.MaxValue);
                }

                columns.Add(new ColumnSchema
                {
                    Name = column.Name,
                    Kind = ColumnKind.Numeric,
                    Minimum = min,
                    Maximum = max,
                    MaxMissingRate = maxMissing,
                    // A column with no present reference values has no distribution to compare with.
                    MaxPsi = min is null ? null : options.MaxPsi,
                    MinKolmogorovSmirnovPValue = min is null ? null : options.MinKolmogorovSmirnovPValue,
                });
            }
            else
            {
                var categorical = (CategoricalColumn)column;
                var seen = new List<string>();
                foreach (var (label, count) in categorical.CountByCategory())
                {
                    if (count > 0)
                    {
                        seen.Add(label);
                    }
                }

                seen.Sort(StringComparer.Ordinal);
                columns.Add(new ColumnSchema
                {
                    Name = column.Name,
                    Kind = ColumnKind.Categorical,
                    MaxMissingRate = maxMissing,
                    AllowedCategories = seen,
                    MaxUnseenCategoryRate = options.MaxUnseenCategoryRate,
                    MaxPsi = seen.Count == 0 ? null : options.MaxPsi,
                });
            }
        }

        var distribution = options.MaxPsi is not null || options.MinKolmogorovSmirnovPValue is not null;
        var used = distribution ? fitted ?? DriftReference.Fit(reference) : null;
        return new DataSchema { Columns = columns, AllowUnexpectedColumns = options.AllowUnexpectedColumns, Reference = used };
    }

    private static bool Describes(DriftReference fitted, TabularData data)
    {
        if (fitted.RowCount != data.RowCount || fitted.Columns.Count != data.Columns.Count)
        {
            return false;
        }

        for (var i = 0; i < fitted.Columns.Count; i++)
        {
            var column = fitted.Columns[i];
            if (!data.TryGetColumn(column.Name, out var match) || match.Kind != column.Kind || match.MissingCount != column.MissingCount)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a schema written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a schema.</exception>
    public static DataSchema FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.DataSchema)
            ?? throw new JsonException("The JSON text is null, not a data schema.");
    }

    /// <summary>Serialises the schema as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.DataSchema);

    /// <summary>Checks every rule against <paramref name="data"/>.</summary>
    /// <param name="data">The data to check.</param>
    /// <returns>A report listing every violation (empty when the data is valid).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The schema itself is inconsistent (repeated column names, a rate
    /// outside [0, 1], a minimum above its maximum, a range or KS rule on a categorical column, or a distribution rule
    /// without a matching reference column).</exception>
    /// <remarks>O(rows × columns). Rules checked per column, in order: presence (<see cref="SchemaRule.Required"/>),
    /// <see cref="SchemaRule.Kind"/>, <see cref="SchemaRule.AllMissing"/> (further rules are skipped for such a column),
    /// <see cref="SchemaRule.MissingRate"/>, <see cref="SchemaRule.Minimum"/>, <see cref="SchemaRule.Maximum"/> and
    /// <see cref="SchemaRule.UnseenCategoryRate"/>, then the distribution rules against <see cref="Reference"/>
    /// (<see cref="SchemaRule.PopulationStabilityIndex"/> on the reference's bins or categories,
    /// <see cref="SchemaRule.KolmogorovSmirnovPValue"/> by the two-sample test). Rates are computed on the rows present;
    /// unseen rates and distributions on the non-missing values.</remarks>
    public ValidationReport Validate(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureWellFormed();
        var perRule = new List<SchemaViolation>?[Columns.Count];
        for (var i = 0; i < perRule.Length; i++)
        {
            perRule[i] = CheckRule(Columns[i], data);
        }

        return Report(data, perRule);
    }

    /// <summary>Checks every rule against <paramref name="data"/>, columns in parallel; the same report as
    /// <see cref="Validate"/>, violations in the same order.</summary>
    /// <param name="data">The data to check.</param>
    /// <param name="cancellationToken">Cancels the validation; checked before each column.</param>
    /// <returns>A report listing every violation (empty when the data is valid).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The schema itself is inconsistent (see <see cref="Validate"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ValidationReport> ValidateAsync(TabularData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureWellFormed();
        var perRule = new List<SchemaViolation>?[Columns.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, perRule.Length, parallel, (i, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            perRule[i] = CheckRule(Columns[i], data);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return Report(data, perRule);
    }

    private List<SchemaViolation>? CheckRule(ColumnSchema rule, TabularData data)
    {
        var violations = new List<SchemaViolation>();
        if (!data.TryGetColumn(rule.Name, out var column))
        {
            if (rule.Required)
            {
                violations.Add(new SchemaViolation(rule.Name, SchemaRule.Required, double.NaN, double.NaN,
                    $"Required column '{Shown(rule.Name)}' is absent."));
            }
        }
        else
        {
            CheckColumn(rule, column, violations);
            CheckDistribution(rule, column, violations);
        }

        return violations.Count == 0 ? null : violations;
    }

    private ValidationReport Report(TabularData data, List<SchemaViolation>?[] perRule)
    {
        var violations = new List<SchemaViolation>();
        if (data.RowCount == 0)
        {
            violations.Add(new SchemaViolation(string.Empty, SchemaRule.EmptyData, 0, 1, "The data has no rows."));
        }

        foreach (var found in perRule)
        {
            if (found is not null)
            {
                violations.AddRange(found);
            }
        }

        if (!AllowUnexpectedColumns)
        {
            foreach (var column in data.Columns)
            {
                if (Find(column.Name) is null)
                {
                    violations.Add(new SchemaViolation(column.Name, SchemaRule.UnexpectedColumn, double.NaN, double.NaN,
                        $"Column '{Shown(column.Name)}' is not described by the schema."));
                }
            }
        }

        foreach (var violation in violations)
        {
            MonitoringTelemetry.Shared.RecordValidationViolation(violation.Rule.ToString());
        }

        return new ValidationReport { RowCount = data.RowCount, ColumnCount = data.Columns.Count, Violations = violations };
    }

    /// <summary>Validates <paramref name="data"/> and throws when any rule is broken.</summary>
    /// <param name="data">The data to check.</param>
    /// <returns>The (valid) report, for logging.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="DataQualityException">A rule is broken; the exception carries the full report.</exception>
    /// <exception cref="InvalidOperationException">The schema itself is inconsistent.</exception>
    public ValidationReport EnsureValid(TabularData data)
    {
        var report = Validate(data);
        return report.IsValid ? report : throw new DataQualityException(report);
    }

    private static void CheckColumn(ColumnSchema rule, TabularColumn column, List<SchemaViolation> violations)
    {
        var name = rule.Name;
        if (column.Kind != rule.Kind)
        {
            violations.Add(new SchemaViolation(name, SchemaRule.Kind, double.NaN, double.NaN,
                $"Column '{Shown(name)}' is {column.Kind}; the schema expects {rule.Kind}."));
            return;
        }

        if (column.Length == 0)
        {
            return;
        }

        if (column.MissingCount == column.Length && rule.MaxMissingRate is not 1)
        {
            violations.Add(new SchemaViolation(name, SchemaRule.AllMissing, 1, rule.MaxMissingRate ?? double.NaN,
                $"Every value of column '{Shown(name)}' is missing."));
            return;
        }

        if (rule.MaxMissingRate is { } maxMissing && column.MissingRate > maxMissing)
        {
            violations.Add(new SchemaViolation(name, SchemaRule.MissingRate, column.MissingRate, maxMissing,
                Format($"Column '{Shown(name)}' is missing {column.MissingCount} of {column.Length} values ({column.MissingRate:P2}); at most ") +
                    Format($"{maxMissing:P2} is allowed.")));
        }

        if (column is NumericColumn numeric)
        {
            CheckRange(rule, numeric, violations);
        }
        else if (rule.AllowedCategories is not null)
        {
            CheckCategories(rule, (CategoricalColumn)column, violations);
        }
    }

    private void CheckDistribution(ColumnSchema rule, TabularColumn column, List<SchemaViolation> violations)
    {
        if ((rule.MaxPsi is null && rule.MinKolmogorovSmirnovPValue is null) || column.Kind != rule.Kind || column.MissingCount == column.Length)
        {
            return;
        }

        var reference = Reference?.Find(rule.Name);
        if (reference is null || reference.Kind != rule.Kind || reference.MissingCount == reference.RowCount)
        {
            throw new InvalidOperationException($"Column '{Shown(rule.Name)}' has a distribution rule but the schema's reference has no usable " +
                $"{rule.Kind} column of that name.");
        }

        if (rule.MaxPsi is { } maxPsi)
        {
            var psi = reference.PsiAgainst(column);
            if (psi > maxPsi)
            {
                violations.Add(new SchemaViolation(rule.Name, SchemaRule.PopulationStabilityIndex, psi, maxPsi,
                    Format($"Column '{Shown(rule.Name)}' has PSI {psi:F4} against the reference; at most {maxPsi} is allowed.")));
            }
        }

        if (rule.MinKolmogorovSmirnovPValue is { } minP)
        {
            var ks = KolmogorovSmirnov.TwoSample(reference.Sample!, ((NumericColumn)column).PresentMemory().Span);
            if (ks.PValue < minP)
            {
                violations.Add(new SchemaViolation(rule.Name, SchemaRule.KolmogorovSmirnovPValue, ks.PValue, minP,
                    Format($"Column '{Shown(rule.Name)}' differs from the reference (KS D = {ks.Statistic:F4}, p = {ks.PValue:G3}); ") +
                        Format($"p at least {minP} is required.")));
            }
        }
    }

    private static void CheckRange(ColumnSchema rule, NumericColumn column, List<SchemaViolation> violations)
    {
        if (rule.Minimum is null && rule.Maximum is null)
        {
            return;
        }

        var values = column.Values.Span;
        var min = rule.Minimum ?? double.NegativeInfinity;
        var max = rule.Maximum ?? double.PositiveInfinity;
        int below = 0, above = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < min)
            {
                below++;
            }
            else if (values[i] > max)
            {
                above++;
            }
        }

        var (lo, hi) = MinMax(values);
        if (below > 0)
        {
            violations.Add(new SchemaViolation(rule.Name, SchemaRule.Minimum, lo, min,
                Format($"Column '{Shown(rule.Name)}' has {below} value(s) below the minimum {min}; the smallest is {lo}.")));
        }

        if (above > 0)
        {
            violations.Add(new SchemaViolation(rule.Name, SchemaRule.Maximum, hi, max,
                Format($"Column '{Shown(rule.Name)}' has {above} value(s) above the maximum {max}; the largest is {hi}.")));
        }
    }

    private static void CheckCategories(ColumnSchema rule, CategoricalColumn column, List<SchemaViolation> violations)
    {
        var allowed = new HashSet<string>(rule.AllowedCategories!, StringComparer.Ordinal);
        long unseen = 0, present = 0;
        var unseenLabels = new List<string>();
        foreach (var (label, count) in column.CountByCategory())
        {
            present += count;
            if (count > 0 && !allowed.Contains(label))
            {
                unseen += count;
                unseenLabels.Add(label);
            }
        }

        if (present == 0)
        {
            return;
        }

        var rate = (double)unseen / present;
        if (rate > rule.MaxUnseenCategoryRate)
        {
            unseenLabels.Sort(StringComparer.Ordinal);
            var shown = string.Join(", ", unseenLabels.Take(5).Select(l => "'" + UntrustedText.Bound(l, LabelLength) + "'"));
            var more = unseenLabels.Count > 5 ? $" and {unseenLabels.Count - 5} more" : string.Empty;
            violations.Add(new SchemaViolation(rule.Name, SchemaRule.UnseenCategoryRate, rate, rule.MaxUnseenCategoryRate,
                Format($"Column '{Shown(rule.Name)}' has {unseen} of {present} values ({rate:P2}) in categories outside the allowed set: ") +
                    Format($"{shown}{more}.")));
        }
    }

    private void EnsureWellFormed()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            if (column is null || string.IsNullOrWhiteSpace(column.Name))
            {
                throw new InvalidOperationException("The schema holds a column without a name.");
            }

            if (!names.Add(column.Name))
            {
                throw new InvalidOperationException($"The schema describes column '{Shown(column.Name)}' twice.");
            }

            if (column.MaxMissingRate is { } m && !(m is >= 0 and <= 1))
            {
                throw new InvalidOperationException($"Column '{Shown(column.Name)}': the maximum missing rate {m} is outside [0, 1].");
            }

            if (!(column.MaxUnseenCategoryRate is >= 0 and <= 1))
            {
                throw new InvalidOperationException($"Column '{Shown(column.Name)}': the maximum unseen-category rate " +
                    $"{column.MaxUnseenCategoryRate} is outside [0, 1].");
            }

            if (column.Minimum is { } lo && column.Maximum is { } hi && !(lo <= hi))
            {
                throw new InvalidOperationException($"Column '{Shown(column.Name)}': the minimum {lo} is above the maximum {hi}.");
            }

            if (column.Kind == ColumnKind.Categorical && column.MinKolmogorovSmirnovPValue is not null)
            {
                throw new InvalidOperationException($"Column '{Shown(column.Name)}' is categorical but has a Kolmogorov–Smirnov rule.");
            }

            if (column.Kind == ColumnKind.Categorical && (column.Minimum is not null || column.Maximum is not null))
            {
                throw new InvalidOperationException($"Column '{Shown(column.Name)}' is categorical but has a numeric range.");
            }
        }
    }

    private static (double Min, double Max) MinMax(ReadOnlySpan<double> values)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v < lo)
            {
                lo = v;
            }

            if (v > hi)
            {
                hi = v;
            }
        }

        return (lo, hi);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Names and labels come from the data: bounded and escaped before they reach a message a person reads.
    private const int LabelLength = 60;

    private static string Shown(string name) => UntrustedText.Bound(name);
}
