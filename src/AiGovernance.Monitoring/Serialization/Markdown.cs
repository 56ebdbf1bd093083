using AiGovernance.Shared;
using System.Globalization;
using System.Text;

namespace AiGovernance.Monitoring.Serialization;

/// <summary>Invariant-culture Markdown helpers shared by the reports.</summary>
internal static class Markdown
{
    public static string Number(double value, string format = "G6") =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The longest cell: a message of several bounded names fits, a 10 MB label does not.</summary>
    public const int CellLength = 1_000;

    // Text in a report comes from data: bounded and with control characters (a line break would end the table row)
    // shown as escapes.
    public static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? " " : UntrustedText.Bound(text, CellLength).Replace("|", "\\|", StringComparison.Ordinal);

    public static void Row(StringBuilder builder, params string[] cells)
    {
        builder.Append('|');
        foreach (var cell in cells)
        {
            builder.Append(' ').Append(Cell(cell)).Append(" |");
        }

        builder.Append('\n');
    }

    public static void Header(StringBuilder builder, params string[] cells)
    {
        Row(builder, cells);
        builder.Append('|');
        for (var i = 0; i < cells.Length; i++)
        {
            builder.Append(" --- |");
        }

        builder.Append('\n');
    }

    public static string Timestamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
