using AiGovernance.Deployment.Bucketing;

namespace AiGovernance.Deployment.Routing;

/// <summary>Sends each unit to the baseline or the candidate according to the current traffic fraction of a rollout.</summary>
/// <remarks>
/// <para>A unit goes to the candidate when <see cref="StableBucketing.Fraction"/>(unitId, salt) is below
/// <see cref="TrafficFraction"/>, so the assignment is stable across processes and monotonic as the fraction rises.
/// <see cref="Assign"/> also returns the unit's hash sub-bucket, which the recorder needs when whole units are routed
/// (<see cref="RoutingDesign.PerUnit"/>, the default): record with <c>CanaryRecorder.Record(CanaryAssignment, ...)</c>.</para>
/// <para><see cref="Design"/> tells the rollout's analysis what is randomised: <see cref="RoutingDesign.PerUnit"/> when
/// the id routed is a customer, session or device; <see cref="RoutingDesign.PerRequest"/> when it is a fresh id per
/// request.</para>
/// <para>Thread-safe: <see cref="Route"/> and <see cref="Assign"/> read the fraction with a volatile read (no lock) and
/// allocate nothing for ids up to <see cref="StableBucketing.MaxStackLength"/> characters; <see cref="TrafficFraction"/>
/// may be changed at any time from any thread, for example by a rollout controller. A bounded, lock-free cache of the
/// <see cref="RecentUnitCacheSize"/> most recent units skips the SHA-256 for units seen again (a hit returns the same
/// hash, so assignments are unchanged).</para>
/// </remarks>
public sealed class CanaryRouter
{
    /// <summary>The default size of the recent-unit cache.</summary>
    public const int DefaultRecentUnitCacheSize = 1024;

    private double _trafficFraction;
    private RecentUnitCache? _cache = new(DefaultRecentUnitCacheSize);

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

    /// <summary>What the ids routed are: whole units (customers, sessions, devices) or single requests. The rollout's
    /// canary analysis uses the statistics valid for this design.</summary>
    /// <value>The default value is <see cref="RoutingDesign.PerUnit"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined design.</exception>
    public RoutingDesign Design
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown routing design.");
    } = RoutingDesign.PerUnit;

    /// <summary>How many recently seen units keep their hash (rounded up to a power of two); 0 turns the cache off.</summary>
    /// <value>The default value is <see cref="DefaultRecentUnitCacheSize"/> (about 24 KB).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 2^20.</exception>
    public int RecentUnitCacheSize
    {
        get => _cache?.Capacity ?? 0;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1 << 20);
            _cache = value == 0 ? null : new RecentUnitCache(value);
        }
    }

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
        ArgumentNullException.ThrowIfNull(unitId);
        var fraction = Volatile.Read(ref _trafficFraction);
        if (fraction <= 0.0)
        {
            return DeploymentVariant.Baseline;
        }

        return StableBucketing.FractionOf(Hash(unitId)) < fraction ? DeploymentVariant.Candidate : DeploymentVariant.Baseline;
    }

    /// <summary>The variant that serves <paramref name="unitId"/> and the unit's hash sub-bucket, for
    /// <c>CanaryRecorder.Record(CanaryAssignment, ...)</c>.</summary>
    /// <param name="unitId">The unit, for example a customer id.</param>
    /// <returns>The arm (as <see cref="Route"/>) and <see cref="StableBucketing.SubBucket"/> of the unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitId"/> is null.</exception>
    public CanaryAssignment Assign(string unitId)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        var hash = Hash(unitId);
        var fraction = Volatile.Read(ref _trafficFraction);
        var variant = fraction > 0.0 && StableBucketing.FractionOf(hash) < fraction ? DeploymentVariant.Candidate : DeploymentVariant.Baseline;
        return new CanaryAssignment(variant, StableBucketing.SubBucketOf(hash));
    }

    private ulong Hash(string unitId)
    {
        var cache = _cache;
        if (cache is null)
        {
            return StableBucketing.Hash64(unitId, Salt);
        }

        var home = RecentUnitCache.Home(unitId);
        if (cache.TryGet(unitId, home, out var hash))
        {
            return hash;
        }

        hash = StableBucketing.Hash64(unitId, Salt);
        cache.Add(unitId, home, hash);
        return hash;
    }
}
