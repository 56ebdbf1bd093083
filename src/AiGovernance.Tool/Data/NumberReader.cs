using System.Globalization;
using System.Text.RegularExpressions;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Reads the numbers of an input file: invariant culture (a point for decimals, no thousands separators), plus
/// infinities written <c>inf</c>/<c>Infinity</c>/<c>∞</c> (numbers, but refused as values) and <c>NaN</c> (missing).</summary>
internal sealed partial class NumberReader
{
    /// <summary>Numbers as .NET and most tools write them: 1234.5, -0.25, 1e-3.</summary>
    public static NumberReader Invariant { get; } = new();

    /// <summary>Whether this is <see cref="Invariant"/> (so Sep's fast parser, with commas refused, reads the numbers).</summary>
    public bool IsInvariant => ReferenceEquals(this, Invariant);

    /// <summary>Parses a number. A comma is never accepted: read as a thousands separator it would turn "1,5" into 15.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (text.IndexOfAny(',', '_') < 0 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        return TryParseInfinity(text, out value);
    }

    /// <summary>Whether the text reads as a number (an infinity or NaN included).</summary>
    public bool LooksNumeric(string text) => TryParse(text, out _);

    /// <summary>Whether the text reads as an infinity.</summary>
    public bool IsInfinite(string text) => TryParse(text, out var value) && double.IsInfinity(value);

    /// <summary>A sentence to append to a "not a number" message when the text looks like a number in another format.</summary>
    public string Hint(string text) => LooksNumericInAnotherFormat(text)
        ? " It looks like a number written with a decimal comma or thousands separators; the job reads numbers with a point for "
            + "decimals and no separators (5.25, 12345)."
        : string.Empty;

    /// <summary>Whether the text is a number written in a format this reader does not read: a decimal comma (<c>5,25</c>),
    /// or thousands separated by commas, points, spaces or apostrophes (<c>12,345</c>, <c>1.234,5</c>, <c>1 234</c>,
    /// <c>1'234</c>).</summary>
    /// <remarks>Used to stop rather than compare such a column as categories (#21 defect 5): values around 5 against values
    /// around 505 written <c>5,1</c> and <c>505,1</c> were reported as "no drift".</remarks>
    public bool LooksNumericInAnotherFormat(string text) => !LooksNumeric(text) && LocaleNumber().IsMatch(text.Trim());

    [GeneratedRegex(@"^[+-]?(\d+,\d+([eE][+-]?\d+)?|\d{1,3}(,\d{3})+(\.\d+)?|\d{1,3}(\.\d{3})+(,\d+)?|\d{1,3}([ \u00A0\u202F']\d{3})+([.,]\d+)?)$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LocaleNumber();

    private static bool TryParseInfinity(ReadOnlySpan<char> text, out double value)
    {
        var negative = text.StartsWith("-");
        var body = text.StartsWith("-") || text.StartsWith("+") ? text[1..] : text;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase)
            || body.SequenceEqual("∞"))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        value = 0;
        return false;
    }
}
