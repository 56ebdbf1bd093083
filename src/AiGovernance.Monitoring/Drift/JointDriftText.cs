using System.Globalization;
using System.Text;
using AiGovernance.Core;
using AiGovernance.Shared;

namespace AiGovernance.Monitoring.Drift;

/// <summary>The text the multivariate and the embedding drift reports share: summary fragments, the Markdown heading,
/// the MMD and domain classifier rows and the notes.</summary>
internal static class JointDriftText
{
    public static string MmdSummary(MmdDriftResult m) => Invariant($"MMD² {m.Statistic:G3} (p = {m.PValue:G3}){Flag(m.IsDrifted)}");

    public static string ClassifierSummary(DomainClassifierDriftResult c) =>
        Invariant($"domain classifier AUC {c.Auc:F3} [{c.Lower:F3}, {c.Upper:F3}]{Flag(c.IsDrifted)}");

    /// <summary>Joins the fragments and closes with the overall verdict, for example "…; embedding drift no (0 of 3 methods).".</summary>
    public static string Summary(List<string> parts, string subject, bool isDrifted, int driftedMethods, int methods)
    {
        parts.Add(Invariant($"{subject} drift {(isDrifted ? "yes" : "no")} ({driftedMethods} of {methods} methods)"));
        return string.Join("; ", parts) + ".";
    }

    /// <summary>The title, one line of facts, the verdict line and the header of the methods table.</summary>
    public static void Heading(StringBuilder b, string subject, string facts, bool isDrifted, int driftedMethods, Severity severity)
    {
        b.Append(CultureInfo.InvariantCulture, $"# {subject} drift report\n\n{facts}\n\n");
        b.Append(CultureInfo.InvariantCulture,
            $"{subject} drift: **{(isDrifted ? "YES" : "NO")}** — {driftedMethods} method(s) signal drift · Severity: **{severity}**\n\n");
        MarkdownTable.Header(b, "Method", "Value", "Limit", "Drifted", "Detail");
    }

    /// <summary>The MMD row; <paramref name="unit"/> names what is counted ("rows", "vectors").</summary>
    public static void MmdRow(StringBuilder b, MmdDriftResult m, string unit) =>
        MarkdownTable.Row(b, "MMD²", InvariantFormat.Number(m.Statistic, "G4"), Invariant($"Holm p < {m.SignificanceLevel:G3}"), Yes(m.IsDrifted),
            Invariant($"p = {m.PValue:G3} (Holm {m.AdjustedPValue:G3}; {m.Estimator}")
            + (m.Permutations > 0 ? Invariant($", {m.Permutations} permutations") : string.Empty) + "); "
            + Invariant($"σ = {m.Bandwidth:G4}; {m.ReferenceRows} vs {m.CurrentRows} {unit}"));

    /// <summary>The domain classifier row; <paramref name="detail"/> follows the DeLong interval.</summary>
    public static void ClassifierRow(StringBuilder b, DomainClassifierDriftResult c, string detail) =>
        MarkdownTable.Row(b, "Domain classifier AUC", InvariantFormat.Number(c.Auc, "F3"),
            Invariant($"AUC > {0.5 + c.Margin:F3}, Holm p < {c.SignificanceLevel:G3}"), Yes(c.IsDrifted),
            Invariant($"p = {c.PValue:G3} (Holm {c.AdjustedPValue:G3}); {c.ConfidenceLevel:P0} DeLong interval [{c.Lower:F3}, {c.Upper:F3}]")
            + detail);

    /// <summary>The notes as a Markdown list (untrusted text escaped), nothing when there are none.</summary>
    public static void Notes(StringBuilder b, IReadOnlyList<string> notes)
    {
        foreach (var note in notes)
        {
            b.Append("\n- ").Append(MarkdownTable.Cell(note));
        }

        if (notes.Count > 0)
        {
            b.Append('\n');
        }
    }

    public static string Flag(bool drifted) => drifted ? " DRIFT" : string.Empty;

    public static string Yes(bool drifted) => drifted ? "**yes**" : "no";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
