using System.Text;
using AiGovernance.Monitoring.Data;

namespace AiGovernance.Monitoring.Embeddings;

/// <summary>Turns raw text into simple numeric descriptors — length, out-of-vocabulary share and non-letter share — that
/// the column-by-column <see cref="Drift.DataDriftDetector"/> tracks like any other numeric column.</summary>
/// <remarks>
/// <para><b>Descriptors</b> per text (columns named <c>prefix.length</c>, <c>prefix.oov_share</c> and
/// <c>prefix.non_letter_share</c>):</para>
/// <list type="bullet">
/// <item><b>length</b>: the number of Unicode scalar values (a surrogate pair counts once; a lone surrogate counts once).</item>
/// <item><b>out-of-vocabulary share</b>: of the text's words — maximal runs of letters and digits, lower-cased with the
/// invariant culture — the share not in the vocabulary; missing (NaN) for a text without words.</item>
/// <item><b>non-letter share</b>: of the scalar values that are not white space, the share that are not letters
/// (digits, punctuation, symbols, emoji); missing for a text that is empty or all white space.</item>
/// </list>
/// <para>A null text is missing in all three. The vocabulary is fixed at construction, usually from the reference texts
/// (<see cref="FromReference"/>), so a shift of topic, language or format (code, tables, emoji) in production moves these
/// columns. Immutable and thread-safe; O(total characters).</para>
/// </remarks>
public sealed class TextDescriptors
{
    private readonly HashSet<string> _vocabulary;

    /// <summary>Creates descriptors with a given vocabulary.</summary>
    /// <param name="vocabulary">The known words; compared lower-cased (invariant culture).</param>
    /// <exception cref="ArgumentNullException"><paramref name="vocabulary"/> or one of its words is null.</exception>
    public TextDescriptors(IEnumerable<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in vocabulary)
        {
            ArgumentNullException.ThrowIfNull(word, nameof(vocabulary));
            _vocabulary.Add(word.ToLowerInvariant());
        }
    }

    /// <summary>The number of known words.</summary>
    public int VocabularySize => _vocabulary.Count;

    /// <summary>Builds the vocabulary from reference texts: every word seen at least <paramref name="minimumCount"/> times.</summary>
    /// <param name="referenceTexts">The reference texts; null entries are skipped.</param>
    /// <param name="minimumCount">How often a word must occur to be known (2 or more ignores one-off typos and identifiers).</param>
    /// <returns>The descriptors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="referenceTexts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumCount"/> is below 1.</exception>
    public static TextDescriptors FromReference(IEnumerable<string?> referenceTexts, int minimumCount = 1)
    {
        ArgumentNullException.ThrowIfNull(referenceTexts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in referenceTexts)
        {
            if (text is null)
            {
                continue;
            }

            foreach (var word in Words(text))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        return new TextDescriptors(counts.Where(pair => pair.Value >= minimumCount).Select(pair => pair.Key));
    }

    /// <summary>Describes texts as a table of three numeric columns.</summary>
    /// <param name="texts">The texts; null is missing.</param>
    /// <param name="prefix">The columns' name prefix.</param>
    /// <returns>A table with <c>prefix.length</c>, <c>prefix.oov_share</c> and <c>prefix.non_letter_share</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty.</exception>
    public TabularData Describe(IReadOnlyList<string?> texts, string prefix = "text") =>
        AddTo(TabularData.CreateBuilder(), texts, prefix).Build();

    /// <summary>Adds the three descriptor columns of <paramref name="texts"/> to a table being built (next to the
    /// application's other columns).</summary>
    /// <param name="builder">The table being built.</param>
    /// <param name="texts">The texts; null is missing.</param>
    /// <param name="prefix">The columns' name prefix.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="texts"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty, or the builder already has a column of that
    /// name or of another length.</exception>
    public TabularDataBuilder AddTo(TabularDataBuilder builder, IReadOnlyList<string?> texts, string prefix = "text")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var length = new double[texts.Count];
        var oov = new double[texts.Count];
        var nonLetter = new double[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            (length[i], oov[i], nonLetter[i]) = Describe(texts[i]);
        }

        return builder
            .AddNumeric(prefix + ".length", length)
            .AddNumeric(prefix + ".oov_share", oov)
            .AddNumeric(prefix + ".non_letter_share", nonLetter);
    }

    private (double Length, double OutOfVocabulary, double NonLetter) Describe(string? text)
    {
        if (text is null)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        int scalars = 0, visible = 0, nonLetters = 0;
        foreach (var rune in EnumerateRunes(text))
        {
            scalars++;
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            visible++;
            nonLetters += Rune.IsLetter(rune) ? 0 : 1;
        }

        int words = 0, unknown = 0;
        foreach (var word in Words(text))
        {
            words++;
            unknown += _vocabulary.Contains(word) ? 0 : 1;
        }

        return (scalars, words == 0 ? double.NaN : (double)unknown / words, visible == 0 ? double.NaN : (double)nonLetters / visible);
    }

    /// <summary>The runes of a text, a lone surrogate counted as one replacement rune (so malformed input never throws).</summary>
    private static IEnumerable<Rune> EnumerateRunes(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                yield return rune;
                i += rune.Utf16SequenceLength;
            }
            else
            {
                yield return Rune.ReplacementChar;
                i++;
            }
        }
    }

    /// <summary>Maximal runs of letters and digits, lower-cased (invariant culture).</summary>
    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in EnumerateRunes(text))
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
