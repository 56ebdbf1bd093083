namespace AiGovernance.Storage.Sqlite;

/// <summary>The defaults of <see cref="SqliteStorageOptions"/>.</summary>
internal static class SqliteStorageDefaults
{
    public const string ConnectionStringName = "Governance";
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    public const int MaxBatchSize = 512;
    public const int NoncePurgeEvery = 1024;
}
