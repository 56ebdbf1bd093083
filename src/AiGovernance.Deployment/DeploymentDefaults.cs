namespace AiGovernance.Deployment;

/// <summary>The defaults and limits of the Deployment options, in one place; each option states its default with a
/// <c>&lt;value&gt;</c> line, and docs/background.md says where each number comes from.</summary>
internal static class DeploymentDefaults
{
    /// <summary>The rollout's name and the router's bucketing salt.</summary>
    public const string RolloutName = "candidate";

    /// <summary>What the router routes by default: whole units, so every request of a customer, session or device lands in
    /// one arm (the unit-bucketed statistics of the canary analysis then apply).</summary>
    public const Routing.RoutingDesign RoutingDesign = Routing.RoutingDesign.PerUnit;

    /// <summary>The baseline's expected error rate (1 %) that, with the minimum detectable effect, sizes each stage.</summary>
    public const double BaselineErrorRate = 0.01;

    /// <summary>Each stage must be able to detect an error-rate rise of half a percentage point.</summary>
    public const double MinimumDetectableEffect = 0.005;

    /// <summary>Each stage lasts at least an hour.</summary>
    public static readonly TimeSpan MinStageDuration = TimeSpan.FromHours(1);

    /// <summary>The hosted monitor evaluates the rollout every five minutes.</summary>
    public static readonly TimeSpan MonitoringInterval = TimeSpan.FromMinutes(5);

    /// <summary>The significance level of the canary's error-rate test.</summary>
    public const double Alpha = 0.05;

    /// <summary>Roll back when the error rate rises by more than half a percentage point.</summary>
    public const double MaxErrorRateIncrease = 0.005;

    /// <summary>Roll back when the P95 latency rises by more than 50 ms.</summary>
    public const double MaxP95IncreaseMilliseconds = 50.0;

    /// <summary>Roll back when a business metric degrades by more than 5 %.</summary>
    public const double MaxBusinessMetricDegradation = 0.05;

    /// <summary>The significance level of the sample-ratio-mismatch check.</summary>
    public const double SampleRatioMismatchAlpha = 0.001;

    /// <summary>At least 1000 requests per variant before a canary is judged.</summary>
    public const long MinRequestsPerVariant = 1000;

    /// <summary>Fisher's exact test replaces the z-test when fewer than five errors are expected.</summary>
    public const double FisherExpectedErrorsThreshold = 5.0;

    /// <summary>At most 64 candidate calls of a shadow runner at once.</summary>
    public const int MaxConcurrentCandidates = 64;

    /// <summary>A shadow candidate call may take five seconds.</summary>
    public static readonly TimeSpan CandidateTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A shadow candidate may fail on no request.</summary>
    public const double MaxCandidateErrorRate = 0.0;

    /// <summary>A shadow candidate must process all production volume.</summary>
    public const double MinVolumeProcessed = 1.0;

    /// <summary>Production performance within 5 % of validation.</summary>
    public const double MaxPerformanceGap = 0.05;

    /// <summary>At least 1000 shadowed requests.</summary>
    public const long MinRequests = 1000;

    /// <summary>The candidate's P95 latency under 200 ms.</summary>
    public static readonly TimeSpan MaxLatencyP95 = TimeSpan.FromMilliseconds(200);

    /// <summary>A rollback is tried five times.</summary>
    public const int RollbackMaxAttempts = 5;

    /// <summary>The largest configurable number of rollback attempts.</summary>
    public const int MaxRollbackMaxAttempts = 100;

    /// <summary>The wait before the second rollback attempt, doubling after.</summary>
    public static readonly TimeSpan RollbackBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between rollback attempts.</summary>
    public static readonly TimeSpan RollbackMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>One call to the deployment target may take 30 seconds.</summary>
    public static readonly TimeSpan TargetCallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the rollout controller waits for one rollout observer.</summary>
    public static readonly TimeSpan ObserverTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The zero TimeSpan, the lower bound of "not negative" durations.</summary>
    public const string ZeroDuration = "00:00:00";

    /// <summary>The smallest positive TimeSpan (one tick), the lower bound of "positive" durations.</summary>
    public const string PositiveDuration = "00:00:00.0000001";

    /// <summary>One hour, the upper bound of the resilience durations.</summary>
    public const string OneHour = "01:00:00";

    /// <summary><see cref="TimeSpan.MaxValue"/>, the upper bound of unbounded durations.</summary>
    public const string MaxDuration = "10675199.02:48:05.4775807";
}
