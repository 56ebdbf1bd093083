using System.Globalization;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Dashboard.History;
using AiGovernance.Dashboard.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiGovernance.Dashboard.Endpoints;

/// <summary>The dashboard's two state-changing actions. Each appends one audit record — the audit log is the only state the
/// dashboard changes — and returns <see langword="null"/>, or a reason the request is refused.</summary>
internal static class DashboardActions
{
    /// <summary>Verifies the whole chain now (and, when a checkpoint source is registered, that the chain passes through the
    /// latest signed checkpoint and its signature verifies), and records the outcome.</summary>
    /// <remarks>O(records in the log): every record is re-hashed.</remarks>
    public static async Task<string?> VerifyAsync(PageContext context, HttpContext http, string actor)
    {
        var cancellationToken = http.RequestAborted;
        var result = await context.AuditLog.VerifyAsync(cancellationToken).ConfigureAwait(false);
        long? checkpointSequence = null;
        bool? signatureValid = null;
        if (context.Checkpoints is { } source && await source.GetLatestAsync(cancellationToken).ConfigureAwait(false) is { } checkpoint)
        {
            checkpointSequence = checkpoint.Checkpoint.Sequence;
            signatureValid = source.VerifySignature(checkpoint);
            if (result.IsValid)
            {
                result = await AuditChain.VerifyAsync(context.AuditLog.ReadAsync(1, cancellationToken), checkpoint.Checkpoint, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        var head = context.AuditLog.Head;
        var payload = new VerificationAuditPayload(result.IsValid && signatureValid != false, result.VerifiedCount, result.Failure.ToString(),
            result.FirstInvalidSequence,
                signatureValid == false ? "The signed checkpoint's signature does not verify. " + result.Message : result.Message,
            head.Sequence, head.Hash.ToString(), checkpointSequence, signatureValid);
        var element = JsonSerializer.SerializeToElement(payload, DashboardJsonContext.Default.VerificationAuditPayload);
        await context.AuditLog.AppendAsync(new AuditEvent(DashboardAuditEvents.AuditVerified, actor, payload: element), cancellationToken)
            .ConfigureAwait(false);
        var logger = Logger(http);
        DashboardLog.Verified(logger, actor, payload.Valid, payload.VerifiedCount, payload.Message);
        return null;
    }

    /// <summary>Records that <paramref name="actor"/> acknowledged warning <c>warning</c> of oversight report <c>report</c> of the
    /// system in the route, with an optional note.</summary>
    public static async Task<string?> AcknowledgeAsync(PageContext context, HttpContext http, string actor)
    {
        var cancellationToken = http.RequestAborted;
        var systemId = http.Request.RouteValues["systemId"] as string;
        var form = http.Request.Form;
        if (string.IsNullOrWhiteSpace(systemId)
            || !long.TryParse(form["report"], NumberStyles.None, CultureInfo.InvariantCulture, out var reportId)
            || !int.TryParse(form["warning"], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return "The acknowledgement names no report and warning.";
        }

        string? kind = null;
        var from = context.Now - context.Options.History;
        await foreach (var stored in context.Reports.QueryAsync(new GovernanceReportQuery(systemId, GovernanceReportKinds.Oversight, from),
            cancellationToken).ConfigureAwait(false))
        {
            if (stored.Id == reportId)
            {
                try
                {
                    kind = ReportHistory.ReadOversight(stored).Warnings.FirstOrDefault(w => w.Index == index)?.Kind;
                }
                catch (JsonException)
                {
                    kind = null;
                }

                break;
            }
        }

        if (kind is null)
        {
            return "No such warning in the system's oversight reports.";
        }

        var note = form["note"].ToString().Trim();
        var payload = new AcknowledgementAuditPayload(reportId, index, kind,
            note.Length == 0 ? null : HtmlWriter.Bound(note, DashboardDefaults.MaxNoteLength));
        var element = JsonSerializer.SerializeToElement(payload, DashboardJsonContext.Default.AcknowledgementAuditPayload);
        await context.AuditLog.AppendAsync(new AuditEvent(DashboardAuditEvents.WarningAcknowledged, actor, systemId, payload: element),
            cancellationToken).ConfigureAwait(false);
        var logger = Logger(http);
        DashboardLog.Acknowledged(logger, actor, index, reportId, systemId);
        return null;
    }

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>()
        .CreateLogger("AiGovernance.Dashboard");
}
