using System.Security.Claims;
using AiGovernance.Core.Audit;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using AiGovernance.Oversight.Review;
using AiGovernance.Samples.GatedService;
using AiGovernance.Samples.GatedService.Api;
using AiGovernance.Samples.GatedService.Governance;
using AiGovernance.Samples.GatedService.Models;
using AiGovernance.Samples.GatedService.Scorecard;
using AiGovernance.Samples.GatedService.Security;
using AiGovernance.Samples.GatedService.Serving;
using AiGovernance.Samples.GatedService.Telemetry;
using AiGovernance.Scorecards;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateBuilder(args);

var serviceSection = builder.Configuration.GetSection(GatedServiceOptions.SectionName);
var governance = builder.Configuration.GetSection("AiGovernance");
var paths = DataPaths.Create(builder.Environment.ContentRootPath, serviceSection[nameof(GatedServiceOptions.DataDirectory)]);

builder.Services.AddOptions<GatedServiceOptions>().Bind(serviceSection).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<GatedServiceOptions>, GatedServiceOptionsValidator>();
builder.Services.AddSingleton(paths);

// The state-changing endpoints need an API key (X-Api-Key) holding the right role; a request from the loopback
// interface is not thereby authenticated. Keys are configured as SHA-256 digests under GatedService:ApiKeys.
builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(GatedServiceRoles.Operator, p => p.RequireAuthenticatedUser().RequireRole(GatedServiceRoles.Operator))
    .AddPolicy(GatedServiceRoles.Reviewer, p => p.RequireAuthenticatedUser().RequireRole(GatedServiceRoles.Reviewer));

// Request bodies with a key given twice are refused rather than silently resolved to the last value.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.AllowDuplicateProperties = false);

// Every AiGovernance package, each configured from its appsettings.json section and validated at start-up. Governance
// state (audit log, nonces, reviews, inventory, rollout state, reports) is durable: in SQLite under the data directory by
// default, in PostgreSQL when ConnectionStrings:Governance is given (for example for two replicas behind a balancer).
builder.Services.AddAiGovernance(b =>
{
    if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Governance")))
    {
        b.UseSqliteStorage($"Data Source={paths.Database}");
    }
    else
    {
        b.UsePostgreSqlStorage(builder.Configuration);
    }

    b.AddGates(governance.GetSection("Gates"))
    .AddDeployment(governance.GetSection("Deployment"))
    .AddOversight(governance.GetSection("Oversight"))
    .AddMonitoring(governance.GetSection("Monitoring"))
    .AddScorecards(governance.GetSection("Scorecards"))
    .AddScorecardMetricSource<ServiceMetricSource>();
});

// Drift of the service's own traffic: a silo in this process (embedded: localhost, memory storage, no setup; multi-node
// from AiGovernance:Monitoring:Orleans in appsettings.json), window grains comparing each window with the reference.
if (serviceSection.GetValue(nameof(GatedServiceOptions.MonitorTrafficDrift), true))
{
    var systemId = serviceSection[nameof(GatedServiceOptions.SystemId)] ?? "credit-scoring";
    builder.Services.AddAiGovernance(b => b.AddDriftReference(systemId, TrafficDrift.FitReference()));
    builder.AddOrleansDriftMonitoring(governance.GetSection("Monitoring:Orleans"), o => o.SystemId ??= systemId);
}

// Metrics and traces through the OpenTelemetry SDK: GET /metrics for Prometheus (on in Development), OTLP when
// Telemetry:OtlpEndpoint is set (docs/telemetry.md).
var telemetry = builder.AddTelemetryExport();

builder.Services.AddSingleton<TrafficDrift>();
builder.Services.AddSingleton<ModelCatalog>();
builder.Services.AddSingleton<ReferenceScores>();
builder.Services.AddSingleton<ServiceCounters>();
builder.Services.AddSingleton<PendingOutcomes>();
builder.Services.AddSingleton<PendingReviews>();
builder.Services.AddSingleton<LiveScores>();
builder.Services.AddSingleton<PredictionService>();
builder.Services.AddSingleton<CandidateDeploymentGate>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<CandidateDeploymentGate>());

// Bad bodies become 400 ProblemDetails (never 500): binding failures are not thrown, status codes get a problem body.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails.Detail is null
        && context.ProblemDetails is not HttpValidationProblemDetails)
    {
        context.ProblemDetails.Detail = "The request body is missing or is not JSON of the expected shape.";
    }
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
if (telemetry.PrometheusEndpoint)
{
    // Before the start-up gate's 503: a scrape during start-up still sees the service's meters.
    app.UseOpenTelemetryPrometheusScrapingEndpoint(TelemetryExportOptions.MetricsPath);
}

// Until the start-up deployment gate has decided (it runs once the port is bound), nothing is served.
app.Use(async (context, next) =>
{
    if (context.RequestServices.GetRequiredService<CandidateDeploymentGate>().IsReady)
    {
        await next(context);
        return;
    }

    context.Response.Headers.RetryAfter = "1";
    await TypedResults.Problem("The service is starting: the deployment gate has not decided yet.", statusCode: StatusCodes.Status503ServiceUnavailable)
        .ExecuteAsync(context);
});
app.UseAuthentication();
app.UseAuthorization();

app.MapPost("/predict", async Task<Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult>> (
    PredictRequest request, PredictionService predictions, CancellationToken cancellationToken) =>
{
    var errors = request.Validate(out var application);
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }

    var requestId = request.RequestId ?? Guid.NewGuid().ToString("N");
    if (await predictions.TryPredictAsync(application!, requestId, cancellationToken) is not { } served)
    {
        return TypedResults.Problem($"Request {requestId} is already being served or awaiting its outcome.", statusCode: StatusCodes.Status409Conflict);
    }

    var artifact = served.Model.Artifact;
    return TypedResults.Ok(new PredictResponse(
        served.RequestId,
        application!.ApplicantId,
        served.Score.Decision,
        served.Score.ProbabilityOfDefault,
        VariantName(served.Variant),
        new ModelInfo(artifact.Name, artifact.Version, artifact.Digest.ToString()),
        VariantName(served.Variant == DeploymentVariant.Candidate ? DeploymentVariant.Baseline : DeploymentVariant.Candidate),
        served.Routing.RequiresHumanReview,
        served.Routing.SelectedForAudit,
        served.TrackedForOutcome));
});

app.MapPost("/outcome", Results<Ok<OutcomeResponse>, ValidationProblem, ProblemHttpResult> (OutcomeRequest request, PredictionService predictions) =>
{
    var errors = request.Validate();
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }

    return predictions.RecordOutcome(request.RequestId!, request.Defaulted!.Value) is { } recorded
        ? TypedResults.Ok(new OutcomeResponse(request.RequestId!, VariantName(recorded.Variant), recorded.Correct))
        : TypedResults.Problem($"No prediction {request.RequestId} is awaiting an outcome (unknown, or its outcome was already recorded).",
            statusCode: StatusCodes.Status404NotFound);
}).RequireAuthorization(GatedServiceRoles.Operator);

app.MapGet("/rollout", (RolloutController controller, PredictionService predictions, CandidateDeploymentGate gate, ModelCatalog models) =>
    TypedResults.Ok(RolloutViews.Build(controller, predictions, gate, models, RolloutViews.None)));

app.MapPost("/rollout/evaluate", async (RolloutController controller, PredictionService predictions, CandidateDeploymentGate gate, ModelCatalog models, CancellationToken cancellationToken) =>
{
    var before = controller.Status;
    var after = await controller.EvaluateAsync(cancellationToken);
    return TypedResults.Ok(RolloutViews.Build(controller, predictions, gate, models, RolloutViews.OutcomeOf(before, after)));
}).RequireAuthorization(GatedServiceRoles.Operator);

app.MapGet("/drift", (TrafficDrift drift, IServiceProvider services) => TypedResults.Ok(new
{
    collector = drift.Collector?.GetStatus(),
    windows = services.GetService<AiGovernance.Monitoring.Orleans.Windows.InMemoryDriftWindowReportSink>()?.Reports.Select(r => new
    {
        r.WindowStart,
        r.WindowEnd,
        r.RowCount,
        r.Drift.DriftedColumnCount,
        r.Drift.ColumnCount,
        r.Drift.MaxPsi,
        drifted = r.Drift.Columns.Where(c => c.IsDrifted).Select(c => c.Column),
    }),
}));

app.MapGet("/scorecard", async (ScorecardEvaluator evaluator, Microsoft.Extensions.Options.IOptions<GatedServiceOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
{
    var period = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    var report = await evaluator.EvaluateAsync(options.Value.SystemName, period, cancellationToken: cancellationToken);
    return TypedResults.Text(report.ToJson(), "application/json");
});

// Human oversight: the queue lists facts only; the independent-review protocol reveals the AI's recommendation after the
// reviewer's own judgment and writes the completed review to the review log and the audit log.
var reviews = app.MapGroup("/reviews");

// 'take' is read as text and checked here: a bad number is the query's fault, not the (absent) body's.
reviews.MapGet("/", Results<Ok<ReviewQueueView>, ValidationProblem> (PendingReviews queue, string? take) =>
{
    var count = 50;
    if (take is not null && (!int.TryParse(take, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count)
        || count is < 1 or > 1000))
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["take is a whole number from 1 to 1000."] });
    }

    return TypedResults.Ok(new ReviewQueueView(queue.Count, queue.Peek(count)));
});

// Review submissions: the reviewer is whoever holds the key (its name); a body naming someone else is refused.
var submissions = reviews.MapGroup("/").RequireAuthorization(GatedServiceRoles.Reviewer);
submissions.MapPost("/{caseId}/start", Results<Ok<ReviewStartedResponse>, ValidationProblem, ProblemHttpResult> (
    string caseId, StartReviewRequest request, ClaimsPrincipal user, PendingReviews queue, IndependentReviewProtocol protocol) =>
{
    var reviewer = user.Identity!.Name!;
    if (request.ReviewerId is not null && string.IsNullOrWhiteSpace(request.ReviewerId))
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reviewerId"] = ["The reviewer id, when given, is your key's name."] });
    }

    if (request.ReviewerId is not null && request.ReviewerId != reviewer)
    {
        return TypedResults.Problem($"The API key belongs to reviewer {reviewer}; it cannot start a review as someone else.", statusCode: StatusCodes.Status403Forbidden);
    }

    if (reviewer.Length > PredictRequest.MaxIdLength)
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reviewerId"] = [$"The reviewer id has at most {PredictRequest.MaxIdLength} characters."] });
    }

    if (!queue.TryGet(caseId, out var reviewCase, out var recommendation))
    {
        return TypedResults.Problem($"No case {caseId} is waiting for review.", statusCode: StatusCodes.Status404NotFound);
    }

    var kind = reviewCase.Kind == PendingReviews.Audit ? ReviewKind.Audit : ReviewKind.Routed;
    var session = queue.StartOrGet(caseId, () => protocol.Start(caseId, reviewer, recommendation, kind));
    return session.ReviewerId == reviewer
        ? TypedResults.Ok(new ReviewStartedResponse(caseId, reviewCase.Kind, session.ReviewerId, reviewCase.Application, session.Stage.ToString()))
        : TypedResults.Problem($"Case {caseId} is already being reviewed by {session.ReviewerId}.", statusCode: StatusCodes.Status409Conflict);
});

submissions.MapPost("/{caseId}/judgment", Results<Ok<JudgmentRecordedResponse>, ValidationProblem, ProblemHttpResult> (
    string caseId, InitialJudgmentRequest request, ClaimsPrincipal user, PendingReviews queue) =>
{
    var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
    if (!ReviewDecisions.IsValid(request.Decision))
    {
        errors["decision"] = ["The decision is \"approve\" or \"decline\"."];
    }

    if (request.Confidence is not (>= 0 and <= 1))
    {
        errors["confidence"] = ["The reviewer's confidence is required, between 0 and 1."];
    }

    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }

    if (!queue.TryGetSession(caseId, out var session))
    {
        return TypedResults.Problem($"No review of case {caseId} has been started.", statusCode: StatusCodes.Status404NotFound);
    }

    if (session.ReviewerId != user.Identity!.Name)
    {
        return TypedResults.Problem($"Case {caseId} is being reviewed by {session.ReviewerId}.", statusCode: StatusCodes.Status403Forbidden);
    }

    try
    {
        var ai = session.RecordInitialJudgment(request.Decision!, request.Confidence!.Value);
        return TypedResults.Ok(new JudgmentRecordedResponse(caseId, ai.Prediction, ai.Confidence, ai.Prediction != request.Decision));
    }
    catch (ReviewProtocolException refused)
    {
        return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict);
    }
});

submissions.MapPost("/{caseId}/decision", async Task<Results<Ok<ReviewCompletedResponse>, ValidationProblem, ProblemHttpResult>> (
    string caseId, FinalDecisionRequest request, ClaimsPrincipal user, PendingReviews queue, CancellationToken cancellationToken) =>
{
    if (!ReviewDecisions.IsValid(request.Decision))
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = ["The decision is \"approve\" or \"decline\"."] });
    }

    if (!queue.TryGetSession(caseId, out var session))
    {
        return TypedResults.Problem($"No review of case {caseId} has been started.", statusCode: StatusCodes.Status404NotFound);
    }

    if (session.ReviewerId != user.Identity!.Name)
    {
        return TypedResults.Problem($"Case {caseId} is being reviewed by {session.ReviewerId}.", statusCode: StatusCodes.Status403Forbidden);
    }

    try
    {
        var record = await session.CompleteAsync(request.Decision!, cancellationToken);
        queue.Complete(caseId);
        return TypedResults.Ok(new ReviewCompletedResponse(caseId, record.ReviewerId, record.FinalDecision, record.IsOverride, record.ChangedMind));
    }
    catch (ReviewProtocolException refused)
    {
        return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict);
    }
});

// A DeploymentBlockedException from the start-up gate, a port already in use or a data folder held by another instance
// ends the process with a one-line message on standard error and exit code 1 (the host has already logged the details).
// Hosted by WebApplicationFactory (tests), this is not the process's entry point and the exception propagates to it.
try
{
    // Open the stores before the port is bound, so a database that cannot be opened (read-only, a newer schema) stops the
    // service here. Nothing is appended until the port is bound: the start-up gate runs only once the service can serve.
    app.Services.GetRequiredService<IAuditLog>();
    app.Services.GetRequiredService<IReviewLog>();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // The outermost exception that is not a wrapper says what went wrong; on one line (UntrustedText shows breaks as escapes).
    var shown = ex;
    while (shown is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && shown.InnerException is { } inner)
    {
        shown = inner;
    }

    await Console.Error.WriteLineAsync("error: the service did not start: " + AiGovernance.Shared.UntrustedText.Bound(shown.Message, 2_000));
    return 1;
}

static string VariantName(DeploymentVariant variant) => variant == DeploymentVariant.Candidate ? "candidate" : "baseline";

/// <summary>The entry point, public so that integration tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
