using System.Text;
using System.Text.Json.Serialization;
using AiGovernance.Core.Reports;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Reporting.Layout;

namespace AiGovernance.Reporting.Drift;

/// <summary>A data-drift report: one or more production windows compared with the reference, the distributions of the
/// drifted columns of the latest window, and optionally the performance trend, the drift responses and the audit check.</summary>
/// <remarks>
/// Sections (element ids): <c>summary</c>; <c>drift-&lt;column&gt;</c> per charted drifted column of the latest window (a
/// reference/current histogram or bar chart, and the missing rates when they drifted), worst first, at most
/// <see cref="ReportingOptions.MaxChartedColumns"/>; <c>trend</c> with a performance series; <c>multivariate</c> (the PCA
/// reconstruction-error chart and one row per window) when all columns were compared together; <c>estimation</c> (estimated
/// against realised accuracy with its band, and one row per week) with label-free estimation; <c>columns</c> (the latest
/// window's columns, worst first); <c>windows</c>; <c>validation</c> when windows were checked; <c>responses</c> when the
/// response workflow ran.
/// </remarks>
public sealed class DriftReportDocument : ReportDocument
{
    /// <inheritdoc />
    public override string Kind => GovernanceReportKinds.Drift;

    /// <summary>Where the data came from, or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>The share of drifted columns at which a window counts as dataset drift.</summary>
    public double DriftShareThreshold { get; init; }

    /// <summary>Whether any window shows dataset drift.</summary>
    public bool DatasetDrift => Windows.Any(w => w.DatasetDrift);

    /// <summary>The process exit code of the job that made the report, or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ExitCode { get; init; }

    /// <summary>The windows, oldest first; the last one is described column by column.</summary>
    public required IReadOnlyList<DriftWindow> Windows { get; init; }

    /// <summary>The distributions of drifted columns of the latest window, for their charts.</summary>
    public IReadOnlyList<DriftDistribution> Distributions { get; init; } = [];

    /// <summary>The performance trend, or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DriftPerformanceTrend? Trend { get; init; }

    /// <summary>All columns compared together (PCA reconstruction, domain classifier, MMD), or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DriftMultivariate? Multivariate { get; init; }

    /// <summary>Label-free performance estimation by week (CBPE), or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DriftEstimation? Estimation { get; init; }

    /// <summary>What the drift response workflow did, or <see langword="null"/> when it did not run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DriftResponseEntry>? Responses { get; init; }

    /// <summary>The audit chain's verification, or <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DriftAuditSummary? Audit { get; init; }

    /// <summary>The latest window.</summary>
    [JsonIgnore]
    public DriftWindow Latest => Windows[^1];

    /// <summary>A report of one window: the drift report and, when the data is at hand, the distributions of its drifted
    /// columns (for their charts).</summary>
    /// <param name="systemName">The AI system the data feeds; the report is titled with it.</param>
    /// <param name="report">The drift report.</param>
    /// <param name="reference">The reference data, or <see langword="null"/> (no distribution charts).</param>
    /// <param name="current">The current data, or <see langword="null"/> (no distribution charts).</param>
    /// <param name="windowName">The window's name.</param>
    /// <param name="validation">The window's ingestion check, or <see langword="null"/>.</param>
    /// <param name="options">Bounds the charted columns and categories; the defaults when <see langword="null"/>.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="systemName"/> or <paramref name="windowName"/> is empty.</exception>
    public static DriftReportDocument Create(string systemName, DataDriftReport report, TabularData? reference = null, TabularData? current = null,
        string windowName = "current", ValidationReport? validation = null, ReportingOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemName);
        ArgumentNullException.ThrowIfNull(report);
        options ??= new ReportingOptions();
        return new DriftReportDocument
        {
            SystemName = systemName,
            GeneratedAt = report.GeneratedAt,
            DriftShareThreshold = report.DriftShareThreshold,
            Windows = [DriftWindow.From(windowName, report, validation)],
            Distributions = reference is null || current is null ? [] : DistributionsOf(report, reference, current, options),
        };
    }

    /// <summary>The distributions of the drifted, compared columns of <paramref name="report"/>, worst first, at most
    /// <see cref="ReportingOptions.MaxChartedColumns"/>.</summary>
    /// <param name="report">The drift report.</param>
    /// <param name="reference">The reference data.</param>
    /// <param name="current">The current data.</param>
    /// <param name="options">The bounds; the defaults when <see langword="null"/>.</param>
    /// <returns>The distributions.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static IReadOnlyList<DriftDistribution> DistributionsOf(DataDriftReport report, TabularData reference, TabularData current,
        ReportingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new ReportingOptions();
        var pairs = new List<(TabularColumn Reference, TabularColumn Current)>();
        foreach (var column in OrderBySeverity(report.Columns.Where(c => c.IsDrifted && c.Status == ColumnDriftStatus.Compared)
            .Select(DriftColumn.From)))
        {
            if (pairs.Count >= options.MaxChartedColumns)
            {
                break;
            }

            // Columns whose kinds differ have no chart (DriftDistribution.Of returns null) and take no place among the charted.
            if (reference.TryGetColumn(column.Column, out var r) && current.TryGetColumn(column.Column, out var c) && r.Kind == c.Kind)
            {
                pairs.Add((r, c));
            }
        }

        // Each distribution sorts both columns (quantiles of the numeric range): the columns are binned on every core, each
        // result kept in its column's place, so the list is the one a loop would build.
        var distributions = new DriftDistribution?[pairs.Count];
        Parallel.For(0, pairs.Count, i => distributions[i] = DriftDistribution.Of(pairs[i].Reference, pairs[i].Current, options.MaxCategories));
        return [.. distributions.OfType<DriftDistribution>()];
    }

    /// <summary>Orders columns worst first: severity, then drifted before not drifted, then PSI, then name.</summary>
    /// <param name="columns">The columns.</param>
    /// <returns>The ordered columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    public static IReadOnlyList<DriftColumn> OrderBySeverity(IEnumerable<DriftColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return [.. columns.OrderByDescending(c => c.Severity)
            .ThenByDescending(c => c.IsDrifted)
            .ThenByDescending(c => c.Psi ?? double.NegativeInfinity)
            .ThenBy(c => c.Column, StringComparer.Ordinal)];
    }

    /// <summary>The element id of a drifted column's chart section: <c>drift-</c> and the column's name with white space
    /// replaced by underscores and every control or format character written as <c>_uXXXX</c>.</summary>
    /// <remarks>A column name is untrusted text, and the id lands in <c>id</c> and <c>href</c> attributes: it never carries a
    /// control character (terminal escapes) and never grows with the name. A name longer than 120 characters is cut at 120 and
    /// followed by <c>-</c> and the first 16 hex digits of the SHA-256 of the whole name, so distinct long names keep distinct
    /// ids.</remarks>
    /// <param name="column">The column's name.</param>
    /// <returns>The id (HTML-encoded when rendered).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> is null.</exception>
    public static string ChartId(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        const int MaxNameCharacters = 120;
        var shown = column.Length <= MaxNameCharacters ? column : column[..MaxNameCharacters];
        var b = new StringBuilder("drift-", shown.Length + 30);
        foreach (var ch in shown)
        {
            if (char.IsWhiteSpace(ch))
            {
                b.Append('_');
            }
            else if (char.IsControl(ch) || char.GetUnicodeCategory(ch) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate)
            {
                b.Append("_u").Append(((int)ch).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append(ch);
            }
        }

        if (column.Length > MaxNameCharacters)
        {
            var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(column));
            b.Append('-').Append(Convert.ToHexStringLower(hash.AsSpan(0, 8)));
        }

        return b.ToString();
    }

    /// <summary>Describes where the fitted line meets the threshold.</summary>
    /// <param name="trend">The trend.</param>
    /// <param name="significantDigits">Significant digits.</param>
    /// <returns>A clause such as "the fitted line reaches the threshold 0.800 in 6.4 weeks".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trend"/> is null.</exception>
    public static string DescribeCrossing(DriftPerformanceTrend trend, int significantDigits = ReportingDefaults.SignificantDigits)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var threshold = Formatting.ReportFormat.Number(trend.Threshold, significantDigits);
        return trend.PeriodsUntilThreshold is not { } p
            ? trend.NullReasons?.GetValueOrDefault("periodsUntilThreshold") is { } why && why.StartsWith("never", StringComparison.Ordinal)
                ? $"the fitted line does not fall, so it never reaches {threshold}"
                : "no threshold projection"
            : p == 0 ? $"the fitted line is already at or below the threshold {threshold}"
            : $"the fitted line reaches the threshold {threshold} in {Formatting.ReportFormat.Number(p, 2)} {trend.PeriodUnit}s";
    }

    /// <summary>Reads a stored drift report's windows back as the detector's reports, for history charts and post-market
    /// summaries written against <see cref="DataDriftReport"/>.</summary>
    /// <param name="json">A drift report's JSON (<see cref="ReportDocument.ToJson"/>).</param>
    /// <param name="storedAt">The time of a window whose end is unknown.</param>
    /// <returns>Each window's end (or <paramref name="storedAt"/>) and its report, oldest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text is not a drift report this library reads (the message says
    /// why).</exception>
    public static IReadOnlyList<(DateTimeOffset At, DataDriftReport Report)> ReadWindows(string json, DateTimeOffset storedAt)
    {
        ArgumentNullException.ThrowIfNull(json);
        ReportDocument document;
        try
        {
            document = Json.ReportJson.Parse(json);
        }
        catch (Json.ReportJsonException ex)
        {
            throw new System.Text.Json.JsonException(ex.Message, ex);
        }

        if (document is not DriftReportDocument drift)
        {
            throw new System.Text.Json.JsonException($"The report is a {document.Kind} report, not a drift report.");
        }

        return [.. drift.Windows.Select(w => (w.End ?? storedAt, w.ToDataDriftReport(drift.GeneratedAt)))];
    }

    private protected override ReportLayout BuildLayout(ReportContext context) => DriftLayout.Build(this, context);
}
