namespace AiGovernance.Storage.PostgreSql;

/// <summary>The defaults of <see cref="PostgreSqlStorageOptions"/>.</summary>
internal static class PostgreSqlStorageDefaults
{
    public const string MinimumCommandTimeout = "00:00:01";
    public const string MaximumCommandTimeout = "00:10:00";
    public const string ConnectionStringName = "Governance";
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    public const int MaxBatchSize = 512;
    public const int NoncePurgeEvery = 1024;

    /// <summary>Statements kept prepared per physical connection: the stores send fewer than 40 distinct statements.</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>A statement is prepared on its second use on a connection.</summary>
    public const int AutoPrepareMinUsages = 2;
}
