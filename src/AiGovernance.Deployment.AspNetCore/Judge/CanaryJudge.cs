using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Canary;
using AiGovernance.Deployment.Canary.Metrics;
using AiGovernance.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.AspNetCore.Judge;

/// <summary>Answers rollout controllers: reads the window's traffic from the <see cref="ICanaryMetricSource"/>, runs
/// <see cref="CanaryAnalyzer"/>, audits the answer, then sends it.</summary>
/// <remarks>
/// <para>Argo Rollouts (<c>GET {prefix}/argo?rollout=…&amp;candidateFraction=…&amp;windowSeconds=…</c>, the
/// <c>web</c> metric provider, https://argoproj.github.io/argo-rollouts/analysis/web/): HTTP 200 with the judgment for every
/// completed analysis, so the AnalysisTemplate decides with <c>successCondition: result.proceed</c> and
/// <c>failureCondition: result.rollback</c> (neither: inconclusive, the rollout pauses); 503 when the metrics cannot be
/// read (an Argo measurement error); 400 for bad input.</para>
/// <para>Flagger (<c>POST {prefix}/flagger/{hook}</c> with Flagger's webhook payload, https://docs.flagger.app/usage/webhooks):
/// a 2xx answer lets Flagger go on, anything else halts. <c>confirm-promotion</c>: 200 only when the decision is
/// <see cref="CanaryDecision.ProceedToFullRollout"/>, else 409 (promotion waits; Flagger keeps analysing).
/// <c>rollback</c>: 200 only when the decision is <see cref="CanaryDecision.RollbackImmediately"/> (Flagger then rolls
/// back), else 409. <c>confirm-rollout</c> (before any canary traffic exists): 200, unless this judge decided
/// to roll back the same revision (<c>checksum</c>) before — then 409, so a revision judged harmful is not rolled out again
/// (remembered in memory, the last 1,024 revisions). The rollout is <c>metadata.rollout</c> or else the canary's
/// <c>name</c>; <c>metadata.candidateFraction</c> and <c>metadata.windowSeconds</c> as for Argo.</para>
/// <para>Bounds: rollout names match <see cref="CanaryMetricQuery.RolloutNamePattern"/>; Kubernetes names and namespaces at most
/// 253 characters of <c>[a-z0-9.-]</c>; checksum at most 128 characters; at most 32 metadata entries of 256 characters;
/// bodies at most <see cref="CanaryJudgeOptions.MaxRequestBodyBytes"/> (413 beyond); candidate fraction in (0, 1); window
/// between 10 s and 1 day.</para>
/// <para>Every answer, refusals for bad input excepted, is appended to the <see cref="IAuditLog"/> before it is sent; if the
/// audit log fails, the request fails (500) and no answer is given.</para>
/// </remarks>
internal sealed partial class CanaryJudge
{
    private const int RememberedRevisions = 1024;

    private readonly ICanaryMetricSource _source;
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _timeProvider;
    private readonly CanaryJudgeOptions _options;
    private readonly ILogger _logger;
    private readonly CanaryJudgeTelemetry _telemetry;
    private readonly ConcurrentDictionary<(string Rollout, string Checksum), bool> _rolledBack = new();

    public CanaryJudge(ICanaryMetricSource source, IAuditLog auditLog, TimeProvider timeProvider, IOptions<CanaryJudgeOptions> options,
        ILogger<CanaryJudge> logger, CanaryJudgeTelemetry telemetry)
    {
        _source = source;
        _auditLog = auditLog;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
        _telemetry = telemetry;
    }

    public Task ArgoAsync(HttpContext http)
    {
        var query = http.Request.Query;
        var rollout = query["rollout"].ToString();
        if (!CanaryMetricQuery.IsValidRolloutName(rollout))
        {
            return InvalidAsync(http, "argo", "rollout must be 1 to 128 letters, digits or '_', '.', ':', '-'.");
        }

        if (Fraction(query["candidateFraction"].ToString()) is not { } fraction)
        {
            return InvalidAsync(http, "argo", FractionProblem);
        }

        if (Window(query["windowSeconds"].ToString()) is not { } window)
        {
            return InvalidAsync(http, "argo", WindowProblem);
        }

        return JudgeAsync(http, new Request("argo", "web", rollout, null, null, fraction, window), static _ => StatusCodes.Status200OK);
    }

    public async Task FlaggerAsync(HttpContext http, string hook)
    {
        if (await ReadPayloadAsync(http).ConfigureAwait(false) is not { } payload)
        {
            return;
        }

        if (Validate(payload) is { } problem)
        {
            await InvalidAsync(http, "flagger", problem).ConfigureAwait(false);
            return;
        }

        var metadata = payload.Metadata ?? [];
        var rollout = metadata.GetValueOrDefault("rollout") ?? payload.Name!;
        if (!CanaryMetricQuery.IsValidRolloutName(rollout))
        {
            await InvalidAsync(http, "flagger", "metadata.rollout (or name) must be 1 to 128 letters, digits or '_', '.', ':', '-'.")
                .ConfigureAwait(false);
            return;
        }

        var fraction = Fraction(metadata.GetValueOrDefault("candidateFraction"));
        var window = Window(metadata.GetValueOrDefault("windowSeconds"));
        if (fraction is null || window is null)
        {
            await InvalidAsync(http, "flagger", fraction is null ? "metadata." + FractionProblem : "metadata." + WindowProblem).ConfigureAwait(false);
            return;
        }

        var request = new Request("flagger", hook, rollout, payload.Namespace, payload.Checksum, fraction.Value, window.Value);
        if (hook == FlaggerHooks.ConfirmRollout)
        {
            await ConfirmRolloutAsync(http, request).ConfigureAwait(false);
            return;
        }

        await JudgeAsync(http, request, decision => hook switch
        {
            FlaggerHooks.ConfirmPromotion => decision == CanaryDecision.ProceedToFullRollout
                ? StatusCodes.Status200OK
                : StatusCodes.Status409Conflict,
            _ => decision == CanaryDecision.RollbackImmediately ? StatusCodes.Status200OK : StatusCodes.Status409Conflict,
        }).ConfigureAwait(false);
    }

    private async Task JudgeAsync(HttpContext http, Request request, Func<CanaryDecision, int> status)
    {
        using var activity = CanaryJudgeTelemetry.ActivitySource.StartActivity("canary_judge");
        activity?.SetTag("aigovernance.rollout", request.Rollout);
        activity?.SetTag("aigovernance.judge.hook", request.Controller + "." + request.Hook);
        var end = _timeProvider.GetUtcNow();
        Recording.CanarySnapshot traffic;
        try
        {
            var query = new CanaryMetricQuery(request.Rollout, end - request.Window, end);
            traffic = await _source.ReadAsync(query, http.RequestAborted).ConfigureAwait(false);
        }
        catch (CanaryMetricException ex)
        {
            CanaryJudgeLog.MetricsFailed(_logger, ex, request.Controller, request.Hook, request.Rollout);
            var error = UntrustedText.Bound(ex.Message, 1000);
            await AuditAsync(http, request, StatusCodes.Status503ServiceUnavailable, "metrics_unavailable", null, error).ConfigureAwait(false);
            activity?.SetStatus(ActivityStatusCode.Error, "metrics unavailable");
            await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, new JudgmentProblem(error)).ConfigureAwait(false);
            return;
        }

        var analysis = CanaryAnalyzer.Analyze(new CanaryObservation(traffic, request.CandidateFraction), _options.Analysis);
        var judgment = Judgment(request.Rollout, analysis);
        var code = status(analysis.Decision);
        if (analysis.Decision == CanaryDecision.RollbackImmediately && request.Checksum is { } checksum)
        {
            if (_rolledBack.Count >= RememberedRevisions)
            {
                _rolledBack.Clear();
            }

            _rolledBack[(request.Rollout, checksum)] = true;
        }

        activity?.SetTag("aigovernance.decision", judgment.Decision);
        activity?.SetTag("http.response.status_code", code);
        await AuditAsync(http, request, code, judgment.Decision, judgment, null).ConfigureAwait(false);
        await WriteAsync(http, code, judgment).ConfigureAwait(false);
    }

    private async Task ConfirmRolloutAsync(HttpContext http, Request request)
    {
        var refused = request.Checksum is { } checksum && _rolledBack.ContainsKey((request.Rollout, checksum));
        var code = refused ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        var decision = refused ? "revision_rolled_back" : "confirmed";
        IReadOnlyList<string> reasons = refused
            ? [$"This judge decided to roll back revision {UntrustedText.Quote(request.Checksum)} of {request.Rollout}; it is not rolled out again."]
            : ["No canary traffic exists before the rollout; the rollout may start."];
        var judgment = new CanaryJudgment(request.Rollout, decision, !refused, false, false, 0, 0, null, null, null, reasons);
        await AuditAsync(http, request, code, decision, judgment, null).ConfigureAwait(false);
        await WriteAsync(http, code, judgment).ConfigureAwait(false);
    }

    private async Task AuditAsync(HttpContext http, Request request, int status, string decision, CanaryJudgment? judgment, string? error)
    {
        var caller = http.User.Identity?.Name is { } name ? UntrustedText.Quote(name) : null;
        var payload = new JudgedAuditPayload(request.Controller, request.Hook, request.Rollout, request.Namespace, request.Checksum, caller, status,
            decision, judgment, error);
        var json = JsonSerializer.SerializeToElement(payload, CanaryJudgeJsonContext.Default.JudgedAuditPayload);
        await _auditLog.AppendAsync(new AuditEvent(CanaryJudgeAuditEvents.Judged, CanaryJudgeDefaults.Actor, payload: json), CancellationToken.None)
            .ConfigureAwait(false);
        _telemetry.RecordAnswer(request.Controller, request.Hook, decision);
        CanaryJudgeLog.Judged(_logger, request.Controller, request.Hook, request.Rollout, decision, status);
    }

    private async Task<FlaggerWebhookPayload?> ReadPayloadAsync(HttpContext http)
    {
        var limit = _options.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            await TooLargeAsync(http, limit).ConfigureAwait(false);
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await TooLargeAsync(http, limit).ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var payload = JsonSerializer.Deserialize(body, CanaryJudgeJsonContext.Default.FlaggerWebhookPayload);
            if (payload is null)
            {
                await InvalidAsync(http, "flagger", "the body must be Flagger's webhook payload, a JSON object.").ConfigureAwait(false);
            }

            return payload;
        }
        catch (JsonException ex)
        {
            await InvalidAsync(http, "flagger", $"the body is not Flagger's webhook payload: line {ex.LineNumber}, byte {ex.BytePositionInLine}.")
                .ConfigureAwait(false);
            return null;
        }
    }

    private static string? Validate(FlaggerWebhookPayload payload)
    {
        if (payload.Name is null || !KubernetesName().IsMatch(payload.Name))
        {
            return "name must be a Kubernetes name (1 to 253 characters of a-z, 0-9, '.', '-').";
        }

        if (payload.Namespace is not null && !KubernetesName().IsMatch(payload.Namespace))
        {
            return "namespace must be a Kubernetes name.";
        }

        if (payload.Checksum is { Length: > 128 })
        {
            return "checksum must be at most 128 characters.";
        }

        if (payload.Phase is { Length: > 64 })
        {
            return "phase must be at most 64 characters.";
        }

        if (payload.Metadata is { } metadata)
        {
            if (metadata.Count > CanaryJudgeDefaults.MaxMetadataEntries)
            {
                return $"metadata must have at most {CanaryJudgeDefaults.MaxMetadataEntries} entries.";
            }

            foreach (var (key, value) in metadata)
            {
                if (key.Length > CanaryJudgeDefaults.MaxMetadataLength || value is null || value.Length > CanaryJudgeDefaults.MaxMetadataLength)
                {
                    return $"metadata keys and values must be strings of at most {CanaryJudgeDefaults.MaxMetadataLength} characters.";
                }
            }
        }

        return null;
    }

    private const string FractionProblem = "candidateFraction must be a number in (0, 1) (the candidate's planned traffic share).";
    private const string WindowProblem = "windowSeconds must be a whole number of seconds between 10 and 86400.";

    private double? Fraction(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return _options.DefaultCandidateFraction;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= CanaryJudgeDefaults.MinFraction && value <= CanaryJudgeDefaults.MaxFraction
            ? value
            : null;
    }

    private TimeSpan? Window(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return _options.DefaultWindow;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 10 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private Task InvalidAsync(HttpContext http, string controller, string problem)
    {
        CanaryJudgeLog.Invalid(_logger, controller, problem);
        _telemetry.RecordAnswer(controller, "invalid", "invalid");
        return WriteAsync(http, StatusCodes.Status400BadRequest, new JudgmentProblem(problem));
    }

    private static Task TooLargeAsync(HttpContext http, int limit) =>
        WriteAsync(http, StatusCodes.Status413PayloadTooLarge, new JudgmentProblem($"The body exceeds {limit} bytes."));

    private static Task WriteAsync(HttpContext http, int status, CanaryJudgment judgment)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(judgment, CanaryJudgeJsonContext.Default.CanaryJudgment, cancellationToken: http.RequestAborted);
    }

    private static Task WriteAsync(HttpContext http, int status, JudgmentProblem problem)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(problem, CanaryJudgeJsonContext.Default.JudgmentProblem, cancellationToken: http.RequestAborted);
    }

    private static CanaryJudgment Judgment(string rollout, CanaryAnalysis analysis)
    {
        var decision = analysis.Decision;
        return new CanaryJudgment(
            rollout,
            decision.ToString(),
            decision == CanaryDecision.ProceedToFullRollout,
            decision == CanaryDecision.RollbackImmediately,
            decision is CanaryDecision.Hold or CanaryDecision.MonitorClosely,
            analysis.BaselineRequests,
            analysis.CandidateRequests,
            analysis.ErrorRate is { } e
                ? new JudgmentErrorRate(e.BaselineRate, e.CandidateRate, e.Difference, e.Test.ToString(), Finite(e.Z), Finite(e.PValue),
                    e.Significant)
                : null,
            analysis.Latency is { } l
                ? new JudgmentLatency(l.BaselineP95, l.CandidateP95, l.P95Delta, Finite(l.MannWhitneyPValue), Finite(l.HodgesLehmannShift))
                : null,
            analysis.SampleRatio is { } s
                ? new JudgmentSampleRatio(s.PlannedCandidateFraction, s.ObservedCandidateFraction, Finite(s.ChiSquared), Finite(s.PValue), s.Mismatch)
                : null,
            analysis.Reasons);
    }

    /// <summary>JSON has no NaN: an undefined statistic (no variation at all) is sent as 0, its test as not significant.</summary>
    private static double Finite(double value) => double.IsFinite(value) ? value : 0.0;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex KubernetesName();

    private sealed record Request(string Controller, string Hook, string Rollout, string? Namespace, string? Checksum, double CandidateFraction,
        TimeSpan Window);
}
