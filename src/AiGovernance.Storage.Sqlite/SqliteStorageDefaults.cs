namespace AiGovernance.Storage.Sqlite;

/// <summary>The defaults of <see cref="SqliteStorageOptions"/>.</summary>
internal static class SqliteStorageDefaults
{
    public const string MinimumBusyTimeout = "00:00:01";
    public const string MaximumBusyTimeout = "00:10:00";
    public const string ConnectionStringName = "Governance";
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    public const int MaxBatchSize = 512;
    public const int NoncePurgeEvery = 1024;
}
