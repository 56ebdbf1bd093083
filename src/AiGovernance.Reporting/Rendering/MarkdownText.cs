using System.Text;

namespace AiGovernance.Reporting.Rendering;

/// <summary>Escapes free text for Markdown paragraphs and list items: every character with a Markdown or HTML meaning is
/// backslash-escaped (or entity-encoded) and line breaks fold into spaces, so text from data can neither start a heading,
/// a list or a link nor inject HTML. Table cells go through the shared <c>MarkdownTable</c> instead.</summary>
internal static class MarkdownText
{
    public static string Escape(string text) => Escape(text, escapePipe: true);

    /// <summary>Escapes text for a table cell: as <see cref="Escape(string)"/> except '|', which the shared table writer
    /// escapes itself (escaping it twice would show a backslash).</summary>
    public static string EscapeForCell(string text) => Escape(text, escapePipe: false);

    private static string Escape(string text, bool escapePipe)
    {
        var b = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '{' or '}' or '(' or ')' or '#' or '+' or '-' or '!' or '~' or '>':
                    b.Append('\\').Append(c);
                    break;
                case '|':
                    b.Append(escapePipe ? "\\|" : "|");
                    break;
                case '<':
                    b.Append("&lt;");
                    break;
                case '&':
                    b.Append("&amp;");
                    break;
                case '\r' or '\n':
                    b.Append(' ');
                    break;
                default:
                    b.Append(c);
                    break;
            }
        }

        return b.ToString();
    }

    /// <summary>Code in backticks: a run of backticks inside the code is fenced by a longer run, and line breaks fold.</summary>
    public static string Code(string text)
    {
        var flat = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        var longest = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') || longest > 0 ? " " : string.Empty;
        return fence + pad + flat + pad + fence;
    }
}
