namespace AiGovernance.Deployment.DependencyInjection;

/// <summary>Defaults of <see cref="DeploymentOptions"/>.</summary>
internal static class DeploymentDefaults
{
    public const string RolloutName = "candidate";
    public const double BaselineErrorRate = 0.01;
    public const double MinimumDetectableEffect = 0.005;
    public const Routing.RoutingDesign RoutingDesign = Routing.RoutingDesign.PerUnit;
    public static readonly TimeSpan MinStageDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MonitoringInterval = TimeSpan.FromMinutes(5);
}
