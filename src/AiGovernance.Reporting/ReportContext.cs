using AiGovernance.Reporting.Formatting;
using AiGovernance.Shared;

namespace AiGovernance.Reporting;

/// <summary>What every layout builder needs: the options, and number and untrusted-text formatting bound to them.</summary>
internal sealed class ReportContext(ReportingOptions options)
{
    public ReportingOptions Options { get; } = options;

    public int Digits => Options.SignificantDigits;

    /// <summary>Text from data (a column name, category label, reviewer id, free-text note), bounded and with control and
    /// invisible characters shown escaped. HTML and Markdown escaping happen later, in the renderers.</summary>
    public string Text(string? text) => UntrustedText.Bound(text, Options.MaxTextLength);

    public string Number(double? value) => ReportFormat.Number(value, Digits);

    public string Percent(double? rate) => ReportFormat.Percent(rate, Digits);

    public string Interval(double? lower, double? upper, bool percent = false) => ReportFormat.Interval(lower, upper, percent, Digits);
}
