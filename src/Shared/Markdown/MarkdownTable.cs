using System.Text;

namespace AiGovernance.Shared;

/// <summary>Writes GitHub-flavoured Markdown tables whose cells are always escaped, so text from data (column names,
/// category labels, reasons, reviewer ids) can neither end a cell nor break a row.</summary>
/// <remarks>A cell escapes <c>|</c> as <c>\|</c>, folds line breaks (<c>\r\n</c>, <c>\n</c>, <c>\r</c>) into one space and
/// is bounded and escaped like all text from data (<see cref="UntrustedText"/>); an empty or null cell stays empty.
/// Header separators are <c>---</c>, or <c>---:</c> for a right-aligned column.</remarks>
internal static class MarkdownTable
{
    /// <summary>The longest cell: a message of several bounded names fits, a 10 MB label does not.</summary>
    public const int CellLength = 1_000;

    /// <summary>The text of <paramref name="text"/> made safe for one table cell: line breaks folded into a space, then
    /// bounded to <see cref="CellLength"/> with every other control or format character shown escaped
    /// (<see cref="UntrustedText.Bound"/>), then <c>|</c> escaped.</summary>
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            text = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        }

        text = UntrustedText.Bound(text, CellLength);
        return text.Contains('|', StringComparison.Ordinal) ? text.Replace("|", "\\|", StringComparison.Ordinal) : text;
    }

    /// <summary>Appends a header row and its separator, every column left-aligned.</summary>
    public static void Header(StringBuilder builder, params ReadOnlySpan<string> headers) => Header(builder, headers, []);

    /// <summary>Appends a header row and its separator; the columns whose index is in <paramref name="rightAligned"/> are
    /// right-aligned (numbers).</summary>
    public static void Header(StringBuilder builder, ReadOnlySpan<string> headers, ReadOnlySpan<int> rightAligned)
    {
        Row(builder, headers);
        builder.Append('|');
        for (var i = 0; i < headers.Length; i++)
        {
            builder.Append(rightAligned.Contains(i) ? "---:|" : "---|");
        }

        builder.Append('\n');
    }

    /// <summary>Appends one row; every cell is escaped with <see cref="Cell"/>.</summary>
    public static void Row(StringBuilder builder, params ReadOnlySpan<string?> cells)
    {
        builder.Append('|');
        foreach (var cell in cells)
        {
            var text = Cell(cell);
            builder.Append(' ').Append(text).Append(text.Length == 0 ? "|" : " |");
        }

        builder.Append('\n');
    }
}
