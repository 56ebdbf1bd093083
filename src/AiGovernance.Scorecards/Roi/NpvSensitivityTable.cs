using System.Globalization;
using System.Text;
using AiGovernance.Shared;

namespace AiGovernance.Scorecards;

/// <summary>NPV under relative changes to benefits (rows) and costs (columns), from
/// <see cref="RoiCalculator.Sensitivity(RoiInputs, ReadOnlySpan{double})"/>.</summary>
/// <remarks>A benefit change c multiplies the annual revenue impact and cost savings by (1 + c); a cost change multiplies
/// the development, infrastructure and operational costs by (1 + c). The row and column for change 0 are the one-way
/// sensitivities; the cell (0, 0) is the base NPV.</remarks>
public sealed class NpvSensitivityTable
{
    private readonly double[] _npv;

    internal NpvSensitivityTable(double[] changes, double[] npv, double baseNpv)
    {
        Changes = changes;
        _npv = npv;
        BaseNpv = baseNpv;
    }

    /// <summary>The relative changes applied to both benefits and costs, in the given order (0.10 for +10 %).</summary>
    public IReadOnlyList<double> Changes { get; }

    /// <summary>The NPV of the unchanged inputs.</summary>
    public double BaseNpv { get; }

    /// <summary>The NPV with benefits changed by <c>Changes[benefitIndex]</c> and costs by <c>Changes[costIndex]</c>.</summary>
    /// <param name="benefitIndex">An index into <see cref="Changes"/> for the benefits.</param>
    /// <param name="costIndex">An index into <see cref="Changes"/> for the costs.</param>
    /// <returns>The NPV.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <see cref="Changes"/>.</exception>
    public double Npv(int benefitIndex, int costIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(benefitIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(benefitIndex, Changes.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(costIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(costIndex, Changes.Count);
        return _npv[(benefitIndex * Changes.Count) + costIndex];
    }

    /// <summary>The table as Markdown: benefit changes down, cost changes across, NPV rounded to whole currency units.</summary>
    /// <returns>A Markdown table.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var headers = new string[Changes.Count + 1];
        var numeric = new int[Changes.Count];
        headers[0] = "Benefits \\ Costs";
        for (var j = 0; j < Changes.Count; j++)
        {
            headers[j + 1] = FormatChange(Changes[j]);
            numeric[j] = j + 1;
        }

        MarkdownTable.Header(text, headers, numeric);
        var cells = new string[Changes.Count + 1];
        for (var i = 0; i < Changes.Count; i++)
        {
            cells[0] = FormatChange(Changes[i]);
            for (var j = 0; j < Changes.Count; j++)
            {
                cells[j + 1] = Npv(i, j).ToString("N0", CultureInfo.InvariantCulture);
            }

            MarkdownTable.Row(text, cells);
        }

        return text.ToString();
    }

    private static string FormatChange(double change) =>
        change == 0 ? "0 %" : string.Create(CultureInfo.InvariantCulture, $"{change * 100:+0.##;-0.##} %");
}
