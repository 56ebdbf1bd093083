using AiGovernance.Dashboard.History;

namespace AiGovernance.Dashboard.Pages;

/// <summary>The audit chain's head, the last recorded verification, the latest signed checkpoint and the "verify now" action.</summary>
internal static class AuditChainSection
{
    public static async Task WriteAsync(PageContext context, HtmlWriter html, SystemAuditFacts? facts, CancellationToken cancellationToken)
    {
        var head = context.AuditLog.Head;
        html.Raw("<h2 id=\"audit-chain\">Audit chain</h2><table id=\"chain-status\"><tbody><tr><th>Head</th><td>record #").Number(head.Sequence)
            .Raw(", hash <code>").FullText(head.Hash.ToString()).Raw("</code></td></tr><tr><th>Last verification</th><td id=\"last-verification\">");
        var verification = facts?.LastVerification;
        if (verification is null)
        {
            html.Raw("<span class=\"badge warn\">never verified</span>");
        }
        else
        {
            html.Raw("<span class=\"badge ").Raw(verification.Valid ? "ok\">valid" : "bad\">broken").Raw("</span> ")
                .Number(verification.VerifiedCount)
                .Raw(" records, by ").Text(verification.Actor).Raw(" at ").Time(verification.Timestamp).Raw(" (record #")
                    .Number(verification.Sequence)
                .Raw(").");
            if (!verification.Valid)
            {
                html.Raw(" ").Text(verification.Failure).Raw(": ").Text(verification.Message);
            }
        }

        html.Raw("</td></tr><tr><th>Signed checkpoint</th><td id=\"checkpoint\">");
        if (context.Checkpoints is not { } source)
        {
            html.Raw("<span class=\"muted\">No checkpoint source is registered (IAuditCheckpointSource): verification checks the hashes " +
                "only.</span>");
        }
        else if (await source.GetLatestAsync(cancellationToken).ConfigureAwait(false) is not { } checkpoint)
        {
            html.Raw("<span class=\"muted\">No checkpoint signed yet.</span>");
        }
        else
        {
            var signatureValid = source.VerifySignature(checkpoint);
            html.Raw("record #").Number(checkpoint.Checkpoint.Sequence).Raw(", hash <code>").FullText(checkpoint.Checkpoint.Hash.ToString())
                .Raw("</code>, signed ").Time(checkpoint.SignedAt).Raw(" with key <code>").Text(checkpoint.KeyId).Raw("</code> <span class=\"badge ")
                .Raw(signatureValid ? "ok\">signature valid" : "bad\">signature INVALID").Raw("</span>");
        }

        html.Raw("</td></tr></tbody></table>");
        if (context.CanAct)
        {
            html.Raw("<form class=\"verify-form\" method=\"post\"").Attribute("action", context.BasePath + "/audit/verify").Raw(">");
            context.WriteFormFields(html);
            html.Raw("<button type=\"submit\">Verify now</button> <span class=\"muted\">re-hashes every record; the outcome is recorded in the " +
                "log.</span></form>");
        }
    }
}
