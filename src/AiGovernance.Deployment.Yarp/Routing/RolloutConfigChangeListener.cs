using Yarp.ReverseProxy.Configuration;

namespace AiGovernance.Deployment.Yarp.Routing;

/// <summary>Tells the <see cref="YarpDeploymentTarget"/> when YARP applied (or rejected) its configuration, so traffic changes
/// complete only once they are in effect.</summary>
internal sealed class RolloutConfigChangeListener(YarpDeploymentTarget target) : IConfigChangeListener
{
    public void ConfigurationLoadingFailed(IProxyConfigProvider configProvider, Exception exception)
    {
        // Loading our provider cannot fail (GetConfig returns a built object); YARP keeps the last good configuration.
    }

    public void ConfigurationLoaded(IReadOnlyList<IProxyConfig> proxyConfigs)
    {
        // Loaded is not yet in effect; ConfigurationApplied follows.
    }

    public void ConfigurationApplyingFailed(IReadOnlyList<IProxyConfig> proxyConfigs, Exception exception) =>
        target.OnApplyingFailed(proxyConfigs, exception);

    public void ConfigurationApplied(IReadOnlyList<IProxyConfig> proxyConfigs) => target.OnApplied(proxyConfigs);
}
