using System.Globalization;
using System.Text;

namespace AiGovernance.Gates.Approvals;

/// <summary>Makes text taken from an approval fit for messages, logs and audit records: at most
/// <see cref="MaxLength"/> characters, with control, format (zero-width, bidirectional) and separator characters shown
/// as <c>\uXXXX</c>, so a statement can neither flood a log nor forge or hide lines in it.</summary>
internal static class UntrustedText
{
    public const int MaxLength = 64;

    public static string Quote(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var clean = true;
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                clean = false;
                break;
            }
        }

        if (clean && text.Length <= MaxLength)
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }

            if (NeedsEscape(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
}
