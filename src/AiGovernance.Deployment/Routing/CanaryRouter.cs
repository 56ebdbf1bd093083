using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Routing;

/// <summary>Sends each unit to the baseline or the candidate according to the current traffic fraction of a rollout.</summary>
/// <remarks>
/// <para>A unit goes to the candidate when <see cref="StableBucketing.Fraction"/>(unitId, salt) is below
/// <see cref="TrafficFraction"/>, so the assignment is stable across processes and monotonic as the fraction rises.</para>
/// <para>Thread-safe: <see cref="Route"/> reads the fraction with a volatile read (no lock) and allocates nothing for
/// ids up to <see cref="StableBucketing.MaxStackLength"/> characters; <see cref="TrafficFraction"/> may be changed
/// at any time from any thread, for example by a rollout controller.</para>
/// </remarks>
public sealed class CanaryRouter
{
    private double _trafficFraction;

    /// <summary>Creates a router.</summary>
    /// <param name="salt">The rollout's salt; routers with the same salt agree on every unit.</param>
    /// <param name="trafficFraction">The candidate's initial share of traffic in [0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="salt"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trafficFraction"/> is outside [0, 1].</exception>
    public CanaryRouter(string salt, double trafficFraction = 0.0)
    {
        ArgumentNullException.ThrowIfNull(salt);
        StableBucketing.ThrowIfNotFraction(trafficFraction);
        Salt = salt;
        _trafficFraction = trafficFraction;
    }

    /// <summary>The rollout's salt.</summary>
    public string Salt { get; }

    /// <summary>The candidate's current share of traffic in [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is outside [0, 1].</exception>
    public double TrafficFraction
    {
        get => Volatile.Read(ref _trafficFraction);
        set
        {
            StableBucketing.ThrowIfNotFraction(value);
            Volatile.Write(ref _trafficFraction, value);
        }
    }

    /// <summary>The variant that serves <paramref name="unitId"/> at the current traffic fraction.</summary>
    /// <param name="unitId">The unit, for example a user id.</param>
    /// <returns><see cref="DeploymentVariant.Candidate"/> when the unit's stable fraction is below the traffic fraction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitId"/> is null.</exception>
    public DeploymentVariant Route(string unitId)
    {
        var fraction = Volatile.Read(ref _trafficFraction);
        if (fraction <= 0.0)
        {
            ArgumentNullException.ThrowIfNull(unitId);
            return DeploymentVariant.Baseline;
        }

        return StableBucketing.Fraction(unitId, Salt) < fraction ? DeploymentVariant.Candidate : DeploymentVariant.Baseline;
    }
}
