using AiGovernance.Deployment.Routing;
using Microsoft.Extensions.Options;

namespace AiGovernance.Samples.GatedService.Models;

/// <summary>The two models the service knows: the production baseline and the candidate being rolled out.</summary>
public sealed class ModelCatalog(IOptions<GatedServiceOptions> options)
{
    public LogisticCreditModel Baseline { get; } = new(options.Value.Baseline, options.Value.DecisionThreshold);

    public LogisticCreditModel Candidate { get; } = new(options.Value.Candidate, options.Value.DecisionThreshold);

    public LogisticCreditModel Get(DeploymentVariant variant) => variant == DeploymentVariant.Candidate ? Candidate : Baseline;
}
