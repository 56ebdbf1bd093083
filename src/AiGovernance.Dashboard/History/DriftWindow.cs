using System.Text.Json;
using AiGovernance.Shared;

namespace AiGovernance.Dashboard.History;

/// <summary>One column of a drift window, as the drift section charts and lists it; undefined numbers are NaN.</summary>
internal sealed record DriftColumnView(string Column, string? Method, double Statistic, double PValue, double Psi, bool IsDrifted,
    string? Severity);

/// <summary>One drift window: the dataset verdict and its columns, read from a stored <c>DataDriftReport</c> with the time it
/// stands for.</summary>
internal sealed record DriftWindow(
    long ReportId,
    DateTimeOffset At,
    double DriftedShare,
    bool DatasetDrift,
    double DriftShareThreshold,
    int ColumnCount,
    int DriftedColumnCount,
    IReadOnlyList<DriftColumnView> Columns)
{
    /// <summary>Reads the window from a report object (the JSON of <c>DataDriftReport.ToJson</c>).</summary>
    /// <remarks>A page reads a year of windows per request, so this reads the parsed document in place — each column's properties
    /// in one pass, names compared as UTF-8 — instead of deserializing every field of every column. O(size of the report).
    /// Tolerant like <see cref="JsonRead"/>: a number written as a string ("NaN") or missing is NaN; a column without a name or a
    /// report without a columns array is unreadable (<see cref="JsonException"/>).</remarks>
    /// <exception cref="JsonException">The report has no columns array or a column has no name.</exception>
    public static DriftWindow Read(long reportId, DateTimeOffset at, JsonElement report)
    {
        if (report.ValueKind != JsonValueKind.Object || !report.TryGetProperty("columns", out var columnsElement)
            || columnsElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The drift report has no columns array.");
        }

        var columns = new List<DriftColumnView>(columnsElement.GetArrayLength());
        foreach (var column in columnsElement.EnumerateArray())
        {
            columns.Add(ReadColumn(column));
        }

        return new DriftWindow(reportId, at, Number(report, "driftedShare"), JsonRead.Boolean(report, "datasetDrift") ?? false,
            Number(report, "driftShareThreshold"), (int)(JsonRead.Number(report, "columnCount") ?? columns.Count),
            (int)(JsonRead.Number(report, "driftedColumnCount") ?? columns.Count(c => c.IsDrifted)), columns);
    }

    private static DriftColumnView ReadColumn(JsonElement column)
    {
        if (column.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A drift report column is not an object.");
        }

        string? name = null, method = null, severity = null;
        double statistic = double.NaN, pValue = double.NaN, psi = double.NaN;
        var drifted = false;
        foreach (var property in column.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("column"u8))
            {
                name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            else if (property.NameEquals("method"u8))
            {
                method = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            else if (property.NameEquals("severity"u8))
            {
                severity = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
            else if (property.NameEquals("statistic"u8))
            {
                statistic = Number(value);
            }
            else if (property.NameEquals("pValue"u8))
            {
                pValue = Number(value);
            }
            else if (property.NameEquals("psi"u8))
            {
                psi = Number(value);
            }
            else if (property.NameEquals("isDrifted"u8))
            {
                drifted = value.ValueKind == JsonValueKind.True;
            }
        }

        return new DriftColumnView(name ?? throw new JsonException("A drift report column has no name."), method, statistic, pValue, psi, drifted,
            severity);
    }

    private static double Number(JsonElement report, string name) => JsonRead.Number(report, name) ?? double.NaN;

    /// <summary>A finite number, or NaN for anything else ("NaN" written as a string, null, a mistyped value).</summary>
    private static double Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : double.NaN;
}
