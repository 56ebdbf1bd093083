using System.Diagnostics;
using System.Security.Claims;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Dashboard.Pages;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates.Decisions;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiGovernance.Dashboard.Endpoints;

/// <summary>Runs every dashboard request through the same steps: security headers, the read policy, for actions the action
/// policy and the antiforgery token, then the page or action, timed and counted.</summary>
/// <remarks>Fail closed: no read policy configured, an unregistered policy, a failed requirement, a missing or wrong token —
/// each ends the request with 401/403/400 before any store is read.</remarks>
internal sealed class DashboardRequestHandler
{
    private readonly string _prefix;
    private readonly DashboardOptions _options;
    private readonly DashboardTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public DashboardRequestHandler(IServiceProvider services, string prefix)
    {
        _prefix = prefix;
        _options = services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        _telemetry = services.GetRequiredService<DashboardTelemetry>();
        _logger = services.GetRequiredService<ILogger<DashboardRequestHandler>>();
        _time = services.GetRequiredService<TimeProvider>();
    }

    public RequestDelegate Page(string page, Func<PageContext, HtmlWriter, HttpContext, Task<int>> render) => async http =>
    {
        if (!await AdmitAsync(http, page, isAction: false).ConfigureAwait(false))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = DashboardTelemetry.ActivitySource.StartActivity("dashboard " + page);
        var context = await CreateContextAsync(http).ConfigureAwait(false);
        var html = new HtmlWriter(_options.MaxTextLength);
        int status;
        try
        {
            status = await render(context, html, http).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DashboardLog.RenderFailed(_logger, exception, http.Request.Path.Value);
            _telemetry.RecordRequest(page, "failed");
            await WritePlainAsync(http, StatusCodes.Status500InternalServerError, "The page could not be rendered; the error is logged.")
                .ConfigureAwait(false);
            return;
        }

        _telemetry.RecordRender(page, Stopwatch.GetElapsedTime(started));
        _telemetry.RecordRequest(page, status == StatusCodes.Status404NotFound ? "not_found" : "served");
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.ToString(), http.RequestAborted).ConfigureAwait(false);
    };

    public RequestDelegate Action(string action, Func<PageContext, HttpContext, string, Task<string?>> perform) => async http =>
    {
        if (!await AdmitAsync(http, action, isAction: true).ConfigureAwait(false))
        {
            return;
        }

        var context = await CreateContextAsync(http).ConfigureAwait(false);
        var problem = await perform(context, http, Actor(http.User)).ConfigureAwait(false);
        if (problem is not null)
        {
            _telemetry.RecordRequest(action, "refused");
            await WritePlainAsync(http, StatusCodes.Status400BadRequest, problem).ConfigureAwait(false);
            return;
        }

        _telemetry.RecordAction(action);
        _telemetry.RecordRequest(action, "served");
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = ReturnPath(http.Request.Form["return"], http);
    };

    /// <summary>The user's name for the audit record: the identity's name, else its subject claim, else <c>anonymous-local</c>
    /// (possible only under a policy such as <see cref="DashboardPolicies.LocalRequestsOnly"/> that needs no sign-in).</summary>
    public static string Actor(ClaimsPrincipal user)
    {
        var name = user.Identity?.IsAuthenticated == true
            ? user.Identity.Name ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            : null;
        return string.IsNullOrWhiteSpace(name) ? "anonymous-local" : HtmlWriter.Bound(name.Trim(), 128);
    }

    private async Task<bool> AdmitAsync(HttpContext http, string page, bool isAction)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = PageLayout.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";

        if (_options.ReadPolicy is not { } readPolicy)
        {
            DashboardLog.NoReadPolicy(_logger, http.Request.Path.Value);
            return await RefuseAsync(http, page, StatusCodes.Status403Forbidden,
                "The governance dashboard refuses every request until DashboardOptions.ReadPolicy names an authorization policy.")
                .ConfigureAwait(false);
        }

        if (!await AuthorizeAsync(http, page, readPolicy).ConfigureAwait(false))
        {
            return false;
        }

        if (!isAction)
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                return await RefuseAsync(http, page, StatusCodes.Status405MethodNotAllowed, "Pages are read with GET.").ConfigureAwait(false);
            }

            return true;
        }

        if (_options.ActionPolicy is not { } actionPolicy)
        {
            return await RefuseAsync(http, page, StatusCodes.Status403Forbidden,
                "The governance dashboard is read-only: no DashboardOptions.ActionPolicy is configured.").ConfigureAwait(false);
        }

        if (!await AuthorizeAsync(http, page, actionPolicy).ConfigureAwait(false))
        {
            return false;
        }

        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            DashboardLog.AntiforgeryFailed(_logger, http.Request.Path.Value);
            return await RefuseAsync(http, page, StatusCodes.Status400BadRequest,
                "The request carries no valid antiforgery token; reload the page and try again.").ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> AuthorizeAsync(HttpContext http, string page, string policyName)
    {
        var provider = http.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await provider.GetPolicyAsync(policyName).ConfigureAwait(false);
        if (policy is null)
        {
            DashboardLog.PolicyNotRegistered(_logger, http.Request.Path.Value, policyName);
            return await RefuseAsync(http, page, StatusCodes.Status403Forbidden,
                "The governance dashboard's authorization policy is not registered.").ConfigureAwait(false);
        }

        var evaluator = http.RequestServices.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, http).ConfigureAwait(false);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, http, http).ConfigureAwait(false);
        if (authorization.Succeeded)
        {
            return true;
        }

        var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
        var hasScheme = policy.AuthenticationSchemes.Count > 0
            || (schemes is not null && await schemes.GetDefaultChallengeSchemeAsync().ConfigureAwait(false) is not null);
        _telemetry.RecordRequest(page, "refused");
        DashboardLog.Refused(_logger, http.Request.Path.Value, authorization.Challenged);

        if (!hasScheme)
        {
            await WritePlainAsync(http, authorization.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                "Access to the governance dashboard is denied.").ConfigureAwait(false);
            return false;
        }

        foreach (var scheme in policy.AuthenticationSchemes.DefaultIfEmpty())
        {
            if (authorization.Challenged)
            {
                await http.ChallengeAsync(scheme).ConfigureAwait(false);
            }
            else
            {
                await http.ForbidAsync(scheme).ConfigureAwait(false);
            }
        }

        return false;
    }

    private async Task<bool> RefuseAsync(HttpContext http, string page, int status, string message)
    {
        _telemetry.RecordRequest(page, "refused");
        await WritePlainAsync(http, status, message).ConfigureAwait(false);
        return false;
    }

    private async Task<PageContext> CreateContextAsync(HttpContext http)
    {
        var services = http.RequestServices;
        AntiforgeryTokenSet? token = null;
        if (_options.ActionPolicy is { } actionPolicy && await MayActAsync(http, actionPolicy).ConfigureAwait(false))
        {
            token = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        }

        var basePath = http.Request.PathBase.Add(_prefix).Value ?? _prefix;
        return new PageContext
        {
            Options = _options,
            AuditLog = services.GetRequiredService<IAuditLog>(),
            Reports = services.GetRequiredService<IGovernanceReportStore>(),
            Inventory = services.GetService<IAiInventory>(),
            ReviewSchedule = services.GetService<ContinuationReviewSchedule>() ?? new ContinuationReviewSchedule(new ContinuationReviewOptions(),
                _time),
            Rollouts = services.GetService<IRolloutStateStore>(),
            Incidents = services.GetService<SeriousIncidentRegister>(),
            Checkpoints = services.GetService<IAuditCheckpointSource>(),
            Now = _time.GetUtcNow(),
            BasePath = basePath.TrimEnd('/'),
            CurrentPath = http.Request.PathBase.Add(http.Request.Path).Value + http.Request.QueryString.Value,
            ActionToken = token,
        };
    }

    private static async Task<bool> MayActAsync(HttpContext http, string policyName)
    {
        var policy = await http.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(policyName).ConfigureAwait(false);
        if (policy is null)
        {
            return false;
        }

        var evaluator = http.RequestServices.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, http).ConfigureAwait(false);
        return (await evaluator.AuthorizeAsync(policy, authentication, http, http).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>Where to go after an action: the form's return address when it is a path inside the dashboard, else the audit
    /// trail. Never another host (no open redirect).</summary>
    private string ReturnPath(string? requested, HttpContext http)
    {
        var basePath = (http.Request.PathBase.Add(_prefix).Value ?? _prefix).TrimEnd('/');
        if (!string.IsNullOrEmpty(requested) && requested.StartsWith(basePath + "/", StringComparison.Ordinal)
            && !requested.Contains("//", StringComparison.Ordinal) && !requested.Contains('\\', StringComparison.Ordinal)
            && !requested.Any(char.IsControl))
        {
            return requested;
        }

        return basePath + "/audit";
    }

    private static async Task WritePlainAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(message, http.RequestAborted).ConfigureAwait(false);
    }
}
