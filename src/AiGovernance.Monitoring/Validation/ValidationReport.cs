using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Monitoring.Serialization;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.Validation;

/// <summary>The outcome of <see cref="DataSchema.Validate"/>: every violation found, none dropped.</summary>
public sealed record ValidationReport
{
    /// <summary>The number of rows validated.</summary>
    public int RowCount { get; init; }

    /// <summary>The number of columns in the data.</summary>
    public int ColumnCount { get; init; }

    /// <summary>Every violation, in schema column order followed by unexpected columns.</summary>
    public IReadOnlyList<SchemaViolation> Violations { get; init; } = [];

    /// <summary>Whether no rule was broken.</summary>
    public bool IsValid => Violations.Count == 0;

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static ValidationReport FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return JsonSerializer.Deserialize(json, MonitoringJsonContext.Default.ValidationReport)
            ?? throw new JsonException("The JSON text is null, not a validation report.");
    }

    /// <summary>Serialises the report as indented JSON (camelCase, enum names).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MonitoringJsonContext.Default.ValidationReport);

    /// <summary>Renders the report as Markdown: a status line and one table row per violation.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.Append("# Data validation report\n\n");
        builder.Append(CultureInfo.InvariantCulture,
            $"Rows: {RowCount} · Columns: {ColumnCount} · Status: **{(IsValid ? "VALID" : "INVALID")}** ({Violations.Count} violation(s))\n");
        if (IsValid)
        {
            return builder.ToString();
        }

        builder.Append('\n');
        MarkdownTable.Header(builder, "Column", "Rule", "Observed", "Limit", "Detail");
        foreach (var violation in Violations)
        {
            MarkdownTable.Row(builder, violation.Column, violation.Rule.ToString(), InvariantFormat.Number(violation.Observed),
                InvariantFormat.Number(violation.Limit), violation.Message);
        }

        return builder.ToString();
    }
}
