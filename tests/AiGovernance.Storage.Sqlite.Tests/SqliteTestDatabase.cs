using AiGovernance.Storage.Contract;
using Microsoft.Data.Sqlite;

namespace AiGovernance.Storage.Sqlite.Tests;

/// <summary>A fresh SQLite database file in a temporary directory, removed afterwards.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    private readonly ContractTime.TempDirectory _directory = new();

    public string Path => _directory.File("governance.db");

    public string ConnectionString => "Data Source=" + Path;

    public SqliteGovernanceDatabase Open(TimeProvider? time = null, string? connectionString = null) =>
        new(new SqliteStorageOptions { ConnectionString = connectionString ?? ConnectionString }, time ?? TimeProvider.System);

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
