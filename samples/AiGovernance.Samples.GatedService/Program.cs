using AiGovernance.Deployment.Rollout;
using AiGovernance.Deployment.Routing;
using AiGovernance.Oversight.Review;
using AiGovernance.Samples.GatedService;
using AiGovernance.Samples.GatedService.Api;
using AiGovernance.Samples.GatedService.Governance;
using AiGovernance.Samples.GatedService.Models;
using AiGovernance.Samples.GatedService.Scorecard;
using AiGovernance.Samples.GatedService.Serving;
using AiGovernance.Scorecards;
using Microsoft.AspNetCore.Http.HttpResults;

var builder = WebApplication.CreateBuilder(args);

var serviceSection = builder.Configuration.GetSection(GatedServiceOptions.SectionName);
var governance = builder.Configuration.GetSection("AiGovernance");
var paths = DataPaths.Create(builder.Environment.ContentRootPath, serviceSection[nameof(GatedServiceOptions.DataDirectory)]);

builder.Services.AddOptions<GatedServiceOptions>().Bind(serviceSection).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton(paths);

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
    .AddDeploymentStrategies(governance.GetSection("Deployment"))
    .AddOversight(governance.GetSection("Oversight"))
    .AddDriftMonitoring(governance.GetSection("Monitoring"))
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

app.MapPost("/predict", async Task<Results<Ok<PredictResponse>, ValidationProblem, ProblemHttpResult>> (
    PredictRequest request, PredictionService predictions, CancellationToken cancellationToken) =>
{
    var errors = request.Validate(out var application);
    if (errors.Count > 0)
    {
        return TypedResults.ValidationProblem(errors);
    }

    var requestId = request.RequestId ?? Guid.NewGuid().ToString("N");
    if (predictions.IsPending(requestId))
    {
        return TypedResults.Problem($"Request {requestId} is already awaiting its outcome.", statusCode: StatusCodes.Status409Conflict);
    }

    var served = await predictions.PredictAsync(application!, requestId, cancellationToken);
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
});

app.MapGet("/rollout", (RolloutController controller, PredictionService predictions, CandidateDeploymentGate gate, ModelCatalog models) =>
    TypedResults.Ok(RolloutViews.Build(controller, predictions, gate, models, RolloutViews.None)));

app.MapPost("/rollout/evaluate", async (RolloutController controller, PredictionService predictions, CandidateDeploymentGate gate, ModelCatalog models, CancellationToken cancellationToken) =>
{
    var before = controller.Status;
    var after = await controller.EvaluateAsync(cancellationToken);
    return TypedResults.Ok(RolloutViews.Build(controller, predictions, gate, models, RolloutViews.OutcomeOf(before, after)));
});

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
reviews.MapGet("/", (PendingReviews queue, int? take) => TypedResults.Ok(new { pending = queue.Count, cases = queue.Peek(Math.Clamp(take ?? 50, 1, 1000)) }));

reviews.MapPost("/{caseId}/start", Results<Ok<ReviewStartedResponse>, ValidationProblem, ProblemHttpResult> (
    string caseId, StartReviewRequest request, PendingReviews queue, IndependentReviewProtocol protocol) =>
{
    if (string.IsNullOrWhiteSpace(request.ReviewerId) || request.ReviewerId.Length > PredictRequest.MaxIdLength)
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reviewerId"] = ["The reviewer id is required."] });
    }

    if (!queue.TryGet(caseId, out var reviewCase, out var recommendation))
    {
        return TypedResults.Problem($"No case {caseId} is waiting for review.", statusCode: StatusCodes.Status404NotFound);
    }

    var kind = reviewCase.Kind == PendingReviews.Audit ? ReviewKind.Audit : ReviewKind.Routed;
    var session = queue.StartOrGet(caseId, () => protocol.Start(caseId, request.ReviewerId, recommendation, kind));
    return session.ReviewerId == request.ReviewerId
        ? TypedResults.Ok(new ReviewStartedResponse(caseId, reviewCase.Kind, session.ReviewerId, reviewCase.Application, session.Stage.ToString()))
        : TypedResults.Problem($"Case {caseId} is already being reviewed by {session.ReviewerId}.", statusCode: StatusCodes.Status409Conflict);
});

reviews.MapPost("/{caseId}/judgment", Results<Ok<JudgmentRecordedResponse>, ValidationProblem, ProblemHttpResult> (
    string caseId, InitialJudgmentRequest request, PendingReviews queue) =>
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

reviews.MapPost("/{caseId}/decision", async Task<Results<Ok<ReviewCompletedResponse>, ValidationProblem, ProblemHttpResult>> (
    string caseId, FinalDecisionRequest request, PendingReviews queue, CancellationToken cancellationToken) =>
{
    if (!ReviewDecisions.IsValid(request.Decision))
    {
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = ["The decision is \"approve\" or \"decline\"."] });
    }

    if (!queue.TryGetSession(caseId, out var session))
    {
        return TypedResults.Problem($"No review of case {caseId} has been started.", statusCode: StatusCodes.Status404NotFound);
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

// A DeploymentBlockedException from the start-up gate propagates: the host logs "Hosting failed to start" with the gate's
// reasons and the process exits non-zero before the server listens. (Catching it here would also hide it from
// WebApplicationFactory, which runs this entry point and needs to see why the host did not start.)
app.Run();

static string VariantName(DeploymentVariant variant) => variant == DeploymentVariant.Candidate ? "candidate" : "baseline";

/// <summary>The entry point, public so that integration tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
