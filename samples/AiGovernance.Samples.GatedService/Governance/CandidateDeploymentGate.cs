using AiGovernance.Core;
using AiGovernance.Deployment.Rollout;
using AiGovernance.Gates;
using AiGovernance.Gates.Approvals;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Decisions;
using AiGovernance.Samples.GatedService.Models;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Governance;

/// <summary>Checks the deployment gate once the service knows it can serve: its stores are open (each holds its file's
/// writer lock) and the web server has bound its port (<see cref="IHostedLifecycleService.StartedAsync"/> runs after every
/// hosted service's <c>StartAsync</c>). A second instance that cannot take the data folder or the port therefore fails
/// before it writes a gate decision into anyone's audit log. Until the gate has decided, the endpoints answer 503
/// (<see cref="IsReady"/>). The candidate is served only when the signed approvals in the data folder satisfy the approval
/// policy for the candidate's exact artifact digest; otherwise <see cref="DeploymentBlockedException"/> aborts start-up,
/// naming what is missing or invalid. Passing the gate starts the first canary stage.</summary>
public sealed partial class CandidateDeploymentGate(
    IOptions<GatedServiceOptions> options,
    DataPaths paths,
    ModelCatalog models,
    GovernanceGate gate,
    RiskClassifier classifier,
    TrustedReviewerKeyRegistry registry,
    RolloutController rollout,
    TimeProvider timeProvider,
    ILogger<CandidateDeploymentGate> logger) : IHostedLifecycleService
{
    private const string Actor = "gated-service-startup";

    /// <summary>The gate's decision, or null when the candidate is not configured to be served.</summary>
    public GateDecision? Decision { get; private set; }

    /// <summary>Whether generated demo approvals were written during this start.</summary>
    public bool GeneratedDemoApprovals { get; private set; }

    /// <summary>Whether the gate has decided and the service may serve.</summary>
    public bool IsReady => Volatile.Read(ref _ready);

    private bool _ready;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await DecideAsync(cancellationToken);
        Volatile.Write(ref _ready, true);
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DecideAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var candidate = models.Candidate.Artifact;
        if (!o.ServeCandidate)
        {
            LogBaselineOnly(logger, candidate.Name, candidate.Version);
            return;
        }

        var classification = classifier.Classify(new UseCaseProfile(o.SystemId)
        {
            Domain = "consumer lending",
            HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness],
            DecisionAutonomy = DecisionAutonomy.HumanOnTheLoop,
            ProfilesNaturalPersons = true,
            DeploymentRegions = ["EU"],
        });
        var tier = classification.Tier > RiskTier.High ? classification.Tier : RiskTier.High;
        var system = new AiSystem(o.SystemId, o.SystemName, candidate.Version, new AiSystemOwners(o.BusinessOwner, o.TechnicalOwner, o.OperationsOwner), tier);

        if (!File.Exists(paths.TrustedKeys))
        {
            if (!o.GenerateDemoApprovals)
            {
                throw new DeploymentBlockedException(
                    $"Deployment gate blocked {candidate.Name} {candidate.Version} sha256:{candidate.Digest}: no trusted reviewer keys at {paths.TrustedKeys}, so no approval can be verified.");
            }

            var files = await DemoApprovalGenerator.GenerateAsync(paths, gate.Policy, tier, candidate, o.SystemId, o.Environment, timeProvider, cancellationToken);
            GeneratedDemoApprovals = true;
            LogDemoKeysGenerated(logger, files.Count, paths.TrustedKeys, paths.Approvals);
        }

        foreach (var key in TrustedKeyFile.Read(paths.TrustedKeys).ToKeys())
        {
            registry.Add(key);
        }

        var approvals = new List<DsseEnvelope>();
        foreach (var file in Directory.EnumerateFiles(paths.Approvals, "*.json").Order(StringComparer.Ordinal))
        {
            if (DsseEnvelope.TryParse(await File.ReadAllTextAsync(file, cancellationToken), out var envelope, out var error))
            {
                approvals.Add(envelope!);
            }
            else
            {
                LogUnreadableApproval(logger, file, error ?? "unknown error");
            }
        }

        // Throws DeploymentBlockedException (after auditing the decision) unless every required approval is valid.
        Decision = await gate.EnforceAsync(new GateRequest
        {
            Gate = GateKind.Deployment,
            System = system,
            Artifact = candidate,
            Environment = o.Environment,
            Approvals = approvals,
            Classification = classification,
            Actor = Actor,
        }, cancellationToken);
        await rollout.StartCanaryAsync($"Deployment gate allowed {candidate.Name} {candidate.Version} sha256:{candidate.Digest} ({Decision.AcceptedApprovals.Count} signed approvals).", cancellationToken);
        var digest = candidate.Digest.ToString();
        var fraction = rollout.Status.TrafficFraction;
        LogCandidateAllowed(logger, candidate.Name, candidate.Version, digest, fraction);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo keys generated — not for production: {Count} reviewer keys and signed approvals written to {KeysFile} and {ApprovalsFolder}. Replace them with your reviewers' real keys and approvals.")]
    private static partial void LogDemoKeysGenerated(ILogger logger, int count, string keysFile, string approvalsFolder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval file {File} is not a DSSE envelope and is ignored: {Error}")]
    private static partial void LogUnreadableApproval(ILogger logger, string file, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployment gate allowed candidate {Name} {Version} sha256:{Digest}; canary started at {Fraction:P0} of traffic.")]
    private static partial void LogCandidateAllowed(ILogger logger, string name, string version, string digest, double fraction);

    [LoggerMessage(Level = LogLevel.Information, Message = "ServeCandidate is false: serving baseline only; candidate {Name} {Version} runs in shadow.")]
    private static partial void LogBaselineOnly(ILogger logger, string name, string version);
}
