using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Orleans;

/// <summary>Options of continuous drift monitoring on Orleans: the replica's drift collector, the window grains and the
/// silo hosting them. Bind them from a configuration section such as <c>AiGovernance:Monitoring:Orleans</c>.</summary>
public sealed class OrleansMonitoringOptions
{
    /// <summary>The name of the grain storage provider the window grains persist to.</summary>
    public const string StorageName = OrleansMonitoringDefaults.StorageName;

    /// <summary>The AI system whose traffic this replica's <see cref="Collection.DriftCollector"/> records; null when the
    /// process only hosts window grains.</summary>
    /// <value>The default value is <see langword="null"/> (no collector).</value>
    public string? SystemId { get; set; }

    /// <summary>The fitted reference of <see cref="SystemId"/>: a file written by <c>DriftReference.ToJson()</c>.</summary>
    /// <value>The default value is <see langword="null"/> (the reference is registered in code, see
    /// <see cref="References.DriftReferenceCatalog"/>).</value>
    public string? ReferencePath { get; set; }

    /// <summary>Further systems' reference files (system id → path) for the window grains this silo may host.</summary>
    /// <value>The default value is empty.</value>
    public IDictionary<string, string> References { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The length of a monitoring window; windows start at multiples of it since the Unix epoch (UTC).</summary>
    /// <value>The default value is 5 minutes.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    #pragma warning restore IL2026
    public TimeSpan WindowLength { get; set; } = OrleansMonitoringDefaults.WindowLength;

    /// <summary>How long after its end a window still accepts partials before its reminder closes it.</summary>
    /// <value>The default value is 30 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    #pragma warning restore IL2026
    public TimeSpan CloseDelay { get; set; } = OrleansMonitoringDefaults.CloseDelay;

    /// <summary>The period of the closing reminder: a close that failed (report store or workflow unavailable) is retried this often.</summary>
    /// <value>The default value is 1 minute (Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>; a shorter period needs a shorter
    /// minimum).</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    #pragma warning restore IL2026
    public TimeSpan CloseRetryPeriod { get; set; } = OrleansMonitoringDefaults.CloseRetryPeriod;

    /// <summary>The collector flushes its partial profiles this often.</summary>
    /// <value>The default value is 10 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    #pragma warning restore IL2026
    public TimeSpan FlushInterval { get; set; } = OrleansMonitoringDefaults.FlushInterval;

    /// <summary>The collector also flushes after this many recorded rows.</summary>
    /// <value>The default value is 50,000.</value>
    [Range(1, int.MaxValue)]
    public int FlushRows { get; set; } = OrleansMonitoringDefaults.FlushRows;

    /// <summary>Rows per buffer block of the request path.</summary>
    /// <value>The default value is 4,096.</value>
    [Range(16, 1 << 20)]
    public int BlockRows { get; set; } = OrleansMonitoringDefaults.BlockRows;

    /// <summary>Buffer blocks: when all hold rows the background fold has not reached yet, the request path drops rows (and counts them) instead of
    /// waiting.</summary>
    /// <value>The default value is 64.</value>
    [Range(2, 4096)]
    public int BufferBlocks { get; set; } = OrleansMonitoringDefaults.BufferBlocks;

    /// <summary>Unacknowledged partials the collector keeps while the cluster is unreachable; beyond it the oldest is dropped and reported.</summary>
    /// <value>The default value is 256.</value>
    [Range(1, 1_000_000)]
    public int MaxPendingPartials { get; set; } = OrleansMonitoringDefaults.MaxPendingPartials;

    /// <summary>The accuracy parameter k of the window profiles' KLL sketches.</summary>
    /// <value>The default value is 200.</value>
    [Range(8, 65535)]
    public int SketchK { get; set; } = OrleansMonitoringDefaults.SketchK;

    /// <summary>Categories counted exactly per categorical column of a window.</summary>
    /// <value>The default value is 1,000.</value>
    [Range(1, 1_000_000)]
    public int CategoryCap { get; set; } = OrleansMonitoringDefaults.CategoryCap;

    /// <summary>Retries (by the flush's Polly pipeline) of one attempt to hand a partial to its window grain.</summary>
    /// <value>The default value is 3.</value>
    [Range(0, 100)]
    public int FlushRetryAttempts { get; set; } = OrleansMonitoringDefaults.FlushRetryAttempts;

    /// <summary>The first retry's delay; later retries back off exponentially, with jitter.</summary>
    /// <value>The default value is 200 milliseconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    #pragma warning restore IL2026
    public TimeSpan FlushRetryDelay { get; set; } = OrleansMonitoringDefaults.FlushRetryDelay;

    /// <summary>The timeout of one attempt.</summary>
    /// <value>The default value is 10 seconds.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    #pragma warning restore IL2026
    public TimeSpan FlushAttemptTimeout { get; set; } = OrleansMonitoringDefaults.FlushAttemptTimeout;

    /// <summary>How the silo finds its cluster.</summary>
    /// <value>The default value is <see cref="ClusteringMode.Localhost"/>.</value>
    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>Where window state and reminders live.</summary>
    /// <value>The default value is <see cref="PersistenceMode.Memory"/>.</value>
    public PersistenceMode Persistence { get; set; } = PersistenceMode.Memory;

    /// <summary>The database connection string of the ADO.NET providers (a PostgreSQL/Npgsql connection string).</summary>
    /// <value>The default value is <see langword="null"/>; required when <see cref="Clustering"/> or <see cref="Persistence"/> is AdoNet.</value>
    public string? ConnectionString { get; set; }

    /// <summary>The ADO.NET provider invariant name.</summary>
    /// <value>The default value is <c>Npgsql</c>.</value>
    [Required]
    public string AdoNetInvariant { get; set; } = OrleansMonitoringDefaults.AdoNetInvariant;

    /// <summary>Whether the silo creates Orleans' tables (from Orleans' own PostgreSQL scripts) when they are missing.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CreateDatabaseSchema { get; set; } = true;

    /// <summary>The Orleans cluster id: silos with the same id and database form one cluster.</summary>
    /// <value>The default value is <c>aigovernance</c>.</value>
    [Required]
    public string ClusterId { get; set; } = OrleansMonitoringDefaults.ClusterId;

    /// <summary>The Orleans service id; grain state is keyed by it, so keep it stable across deployments.</summary>
    /// <value>The default value is <c>aigovernance-drift</c>.</value>
    [Required]
    public string ServiceId { get; set; } = OrleansMonitoringDefaults.ServiceId;

    /// <summary>The silo-to-silo port (AdoNet clustering).</summary>
    /// <value>The default value is 11111.</value>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = OrleansMonitoringDefaults.SiloPort;

    /// <summary>The client gateway port (AdoNet clustering).</summary>
    /// <value>The default value is 30000.</value>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = OrleansMonitoringDefaults.GatewayPort;

    /// <summary>The IP address other silos reach this one at (AdoNet clustering).</summary>
    /// <value>The default value is <see langword="null"/> (the first non-loopback address of the machine, Orleans' default).</value>
    public string? AdvertisedIPAddress { get; set; }
}
