namespace AiGovernance.Monitoring.Orleans;

/// <summary>The defaults of <see cref="OrleansMonitoringOptions"/> in one place; each option states its default with a
/// <c>&lt;value&gt;</c> line.</summary>
internal static class OrleansMonitoringDefaults
{
    /// <summary>The grain storage provider the window grains persist to.</summary>
    public const string StorageName = "aigovernance-drift";

    /// <summary>The key of the flush resilience pipeline registered in DI.</summary>
    public const string FlushPipelineKey = "aigovernance-drift-flush";

    /// <summary>The reminder that closes a window.</summary>
    public const string CloseReminder = "close";

    /// <summary>Five-minute windows: fresh enough to act on, large enough for stable statistics at moderate traffic.</summary>
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(5);

    /// <summary>Partials may arrive for 30 seconds after a window ends (flush interval plus retries) before it closes.</summary>
    public static readonly TimeSpan CloseDelay = TimeSpan.FromSeconds(30);

    /// <summary>A close that failed (report store or workflow unavailable) is retried each minute, Orleans' minimum
    /// reminder period.</summary>
    public static readonly TimeSpan CloseRetryPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Replicas flush every 10 seconds.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(10);

    /// <summary>Or sooner, after 50,000 recorded rows.</summary>
    public const int FlushRows = 50_000;

    /// <summary>Rows per buffer block on the request path.</summary>
    public const int BlockRows = 4096;

    /// <summary>Buffer blocks: 64 × 4,096 rows may wait for the background fold before the request path drops rows.</summary>
    public const int BufferBlocks = 64;

    /// <summary>Unacknowledged partials kept while the cluster is unreachable: at one partial per window per 10-second
    /// flush, about 40 minutes of outage before the oldest is dropped.</summary>
    public const int MaxPendingPartials = 256;

    /// <summary>The window profiles' KLL accuracy parameter (uniform rank-error bound about 3% at 99%).</summary>
    public const int SketchK = 200;

    /// <summary>Categories counted exactly per categorical column.</summary>
    public const int CategoryCap = 1000;

    /// <summary>Retries of one flush attempt before the partial waits for the next flush.</summary>
    public const int FlushRetryAttempts = 3;

    /// <summary>The first retry's delay (exponential backoff with jitter after it).</summary>
    public static readonly TimeSpan FlushRetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>One attempt to hand a partial to its window grain may take this long.</summary>
    public static readonly TimeSpan FlushAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The Orleans cluster id.</summary>
    public const string ClusterId = "aigovernance";

    /// <summary>The Orleans service id (grain storage is keyed by it).</summary>
    public const string ServiceId = "aigovernance-drift";

    /// <summary>Orleans' customary silo port.</summary>
    public const int SiloPort = 11111;

    /// <summary>Orleans' customary gateway port.</summary>
    public const int GatewayPort = 30000;

    /// <summary>The ADO.NET provider invariant of PostgreSQL (Npgsql).</summary>
    public const string AdoNetInvariant = "Npgsql";
}
