namespace AiGovernance.Storage.PostgreSql;

/// <summary>The defaults of <see cref="PostgreSqlStorageOptions"/>.</summary>
internal static class PostgreSqlStorageDefaults
{
    public const string ConnectionStringName = "Governance";
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    public const int MaxBatchSize = 512;
    public const int NoncePurgeEvery = 1024;
}
