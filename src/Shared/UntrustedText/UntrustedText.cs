using System.Globalization;
using System.Text;

namespace AiGovernance.Shared;

/// <summary>The one bounding-and-escaping function for text that came from data or from outside (approval statements,
/// CSV cells and headers, category labels, file names) on its way to a person: a console, a log, a Markdown or HTML
/// report, an exception message or an audit payload.</summary>
/// <remarks>
/// <para>Control characters (ESC, BEL, CR, LF, NUL …), format characters (zero-width, bidirectional overrides, BOM),
/// line and paragraph separators, lone surrogates, private-use and unassigned code points are shown as <c>\uXXXX</c>, so
/// the text can neither clear or retitle a terminal, nor forge, split or hide a log line. Text longer than the limit is
/// cut at a character boundary (never inside an escape or a surrogate pair) and ends with an ellipsis and the original
/// length, <c>…(10485760 characters)</c>; the result never exceeds the limit. A clean short text is returned as is,
/// without allocating.</para>
/// <para>O(limit) work after the first character that needs attention: a 10 MB label costs the same as a 100-character one.</para>
/// </remarks>
internal static class UntrustedText
{
    /// <summary>The limit of <see cref="Quote(string?)"/>: identifiers, roles, nonces from signed statements.</summary>
    public const int IdentifierLength = 64;

    /// <summary>The default limit of <see cref="Bound"/>: names and labels from data (columns, categories, files).</summary>
    public const int DataLength = 120;

    /// <summary>The smallest limit that still shows a character beside the ellipsis and the length.</summary>
    public const int MinimumLength = 32;

    /// <summary>Bounds and escapes an identifier taken from a signed statement: at most <see cref="IdentifierLength"/>
    /// characters, and every character outside the Basic Multilingual Plane escaped too (an identifier has no business
    /// holding one, and a reader should see exactly what was claimed).</summary>
    /// <param name="text">The text; <see langword="null"/> is shown as <c>(none)</c>.</param>
    /// <returns>The bounded, escaped text.</returns>
    public static string Quote(string? text) => Clean(text, IdentifierLength, keepSupplementary: false);

    /// <summary>Bounds and escapes text from data for a person to read; letters of every script, emoji included, are kept.</summary>
    /// <param name="text">The text; <see langword="null"/> is shown as <c>(none)</c>.</param>
    /// <param name="maxLength">The longest result, at least <see cref="MinimumLength"/>.</param>
    /// <returns>The bounded, escaped text.</returns>
    public static string Bound(string? text, int maxLength = DataLength) => Clean(text, maxLength, keepSupplementary: true);

    /// <summary>Whether the text would be changed: too long, or holding a character that is shown escaped.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The limit.</param>
    /// <returns><see langword="true"/> when <see cref="Bound"/> would return something else.</returns>
    public static bool NeedsCleaning(string text, int maxLength = DataLength) =>
        text.Length > maxLength || FirstToEscape(text, keepSupplementary: true) >= 0;

    private static string Clean(string? text, int maxLength, bool keepSupplementary)
    {
        if (text is null)
        {
            return "(none)";
        }

        maxLength = Math.Max(maxLength, MinimumLength);
        var first = FirstToEscape(text, keepSupplementary);
        if (first < 0 && text.Length <= maxLength)
        {
            return text;
        }

        // Escape until the result would pass the limit; then make room for the ellipsis and the original length.
        var escaped = new StringBuilder(Math.Min(maxLength, text.Length) + 8);
        var cuts = new List<int>();   // escaped length before each source character, to cut on a boundary
        var i = 0;
        while (i < text.Length && escaped.Length <= maxLength)
        {
            cuts.Add(escaped.Length);
            var width = Width(text, i);
            if (ShouldEscape(text, i, width, keepSupplementary))
            {
                for (var k = 0; k < width; k++)
                {
                    escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i + k]:x4}");
                }
            }
            else
            {
                escaped.Append(text, i, width);
            }

            i += width;
        }

        if (i >= text.Length && escaped.Length <= maxLength)
        {
            return escaped.ToString();
        }

        var suffix = string.Create(CultureInfo.InvariantCulture, $"…({text.Length} characters)");
        var budget = maxLength - suffix.Length;
        var keep = 0;
        foreach (var cut in cuts)
        {
            if (cut > budget)
            {
                break;
            }

            keep = cut;
        }

        escaped.Length = keep;
        return escaped.Append(suffix).ToString();
    }

    private static int FirstToEscape(string text, bool keepSupplementary)
    {
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];

            // Printable ASCII, the common case, needs no lookup.
            if (c is >= ' ' and < '\u007f')
            {
                i++;
                continue;
            }

            var width = Width(text, i);
            if (ShouldEscape(text, i, width, keepSupplementary))
            {
                return i;
            }

            i += width;
        }

        return -1;
    }

    /// <summary>2 for a well-formed surrogate pair, else 1.</summary>
    private static int Width(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static bool ShouldEscape(string text, int i, int width, bool keepSupplementary)
    {
        if (width == 2)
        {
            return !keepSupplementary || IsHidden(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1])));
        }

        var category = char.GetUnicodeCategory(text[i]);
        return category == UnicodeCategory.Surrogate || IsHidden(category);
    }

    private static bool IsHidden(UnicodeCategory category) => category is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
}
