using System.Globalization;
using System.Text;

[assembly: AssemblyFixture(typeof(AiGovernance.Reliability.Tests.Hostile.CaseTableWriter))]

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>After the whole run, writes the hostile-input case counts per function to <c>reliability-cases.md</c>
/// next to the test assembly (the figures quoted in docs/reliability.md).</summary>
public sealed class CaseTableWriter : IDisposable
{
    public void Dispose()
    {
        var counts = HostileCall.Snapshot();
        if (counts.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        text.AppendLine("| function | cases | rejected (documented exception) | accepted (result in range) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (function, c) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {function} | {c.Cases} | {c.Rejected} | {c.Cases - c.Rejected} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **total** | {counts.Values.Sum(c => c.Cases)} | {counts.Values.Sum(c => c.Rejected)} | {counts.Values.Sum(c => c.Cases - c.Rejected)} |");
        foreach (var (defect, hits) in HostileCall.KnownDefectHits().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"\nknown defect {defect}: hit by {hits} generated case(s)");
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "reliability-cases.md"), text.ToString());
    }
}
