using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AiGovernance.Reporting.Charts;

namespace AiGovernance.Dashboard.Pages;

/// <summary>Builds a page. Markup comes only from constants in this package (<see cref="Raw"/>); every value from a store —
/// names, ids, notes, payloads, reasons — goes through <see cref="Text"/> or <see cref="Attribute"/>, which bound its length
/// and HTML-encode it, so nothing untrusted is ever rendered unescaped.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _builder;
    private readonly int _maxTextLength;

    public HtmlWriter(int maxTextLength, int capacity = 16 * 1024)
    {
        _builder = new StringBuilder(capacity);
        _maxTextLength = maxTextLength;
    }

    public int Length => _builder.Length;

    /// <summary>Appends markup written in this package; never a value read from a store or a request.</summary>
    public HtmlWriter Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Appends text, bounded to the configured length and HTML-encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encode(Bound(text, _maxTextLength));
        }

        return this;
    }

    /// <summary>Appends text without the length bound (still encoded): digests and hashes, which are shown in full.</summary>
    public HtmlWriter FullText(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encode(text);
        }

        return this;
    }

    /// <summary>Appends <c> name="value"</c> with the value bounded and encoded.</summary>
    public HtmlWriter Attribute(string name, string? value)
    {
        _builder.Append(' ').Append(name).Append("=\"");
        if (!string.IsNullOrEmpty(value))
        {
            Encode(Bound(value, _maxTextLength));
        }

        _builder.Append('"');
        return this;
    }

    /// <summary>Appends a chart drawn by AiGovernance.Reporting as inline SVG: presentation attributes only (no <c>style</c>, no
    /// script, no <c>url(</c>), every text in it escaped by the chart writer. Untrusted names in its title and labels are bounded
    /// by the caller with <see cref="Bound"/>.</summary>
    public HtmlWriter Chart(ReportChart chart)
    {
        chart.WriteSvg(_builder);
        return this;
    }

    /// <summary>Appends a number formatted with the invariant culture (never untrusted).</summary>
    public HtmlWriter Number(double value, string format)
    {
        if (double.IsFinite(value))
        {
            _builder.Append(value.ToString(format, CultureInfo.InvariantCulture));
        }
        else
        {
            _builder.Append('–');
        }

        return this;
    }

    /// <summary>Appends an integer.</summary>
    public HtmlWriter Number(long value)
    {
        _builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Appends a UTC time as <c>yyyy-MM-dd HH:mm</c>.</summary>
    public HtmlWriter Time(DateTimeOffset time)
    {
        _builder.Append(time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC");
        return this;
    }

    /// <summary>Appends a UTC date as <c>yyyy-MM-dd</c>.</summary>
    public HtmlWriter Date(DateTimeOffset time)
    {
        _builder.Append(time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>HTML-encodes straight into the page through a stack buffer: no string per value.</summary>
    private void Encode(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[512];
        while (true)
        {
            var status = HtmlEncoder.Default.Encode(text, buffer, out var consumed, out var written, isFinalBlock: true);
            _builder.Append(buffer[..written]);
            text = text[consumed..];
            if (status == OperationStatus.Done)
            {
                return;
            }
        }
    }

    /// <summary>Cuts text longer than <paramref name="maxLength"/> characters, never inside a surrogate pair, and marks the cut.</summary>
    public static string Bound(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
