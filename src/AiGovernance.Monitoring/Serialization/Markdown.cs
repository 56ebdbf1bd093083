using System.Globalization;
using System.Text;

namespace AiGovernance.Monitoring.Serialization;

/// <summary>Invariant-culture Markdown helpers shared by the reports.</summary>
internal static class Markdown
{
    public static string Number(double value, string format = "G6") =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Cell(string? text) =>
        string.IsNullOrEmpty(text) ? " " : text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

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
