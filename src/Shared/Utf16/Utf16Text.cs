namespace AiGovernance.Shared;

/// <summary>Checks that text is well-formed UTF-16 before it becomes a name, a label or a category that is stored.</summary>
/// <remarks>Profiles, references, schemas and reports are persisted as JSON, which cannot carry a lone surrogate:
/// System.Text.Json writes it as U+FFFD, so a label would silently change on the round trip and a reloaded reference would
/// see the same data as drifted. Such text is rejected where it enters instead. O(n), no allocation unless it throws.</remarks>
internal static class Utf16Text
{
    /// <summary>The index of the first lone surrogate, or −1 when <paramref name="text"/> is well-formed.</summary>
    public static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="paramName"/> when the text holds a lone
    /// surrogate; <paramref name="what"/> says what the text is (for example "column name").</summary>
    public static void ThrowIfMalformed(string text, string what, string paramName)
    {
        var index = IndexOfLoneSurrogate(text);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"The {what} holds a lone surrogate (U+{(int)text[index]:X4}) at position {index}; it cannot be stored as JSON "
                + "without changing, so only well-formed UTF-16 is accepted.",
                paramName);
        }
    }
}
