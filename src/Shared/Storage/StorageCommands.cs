using System.Data.Common;

namespace AiGovernance.Shared;

/// <summary>Provider-neutral command helpers for the shared stores.</summary>
internal static class StorageCommands
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds <c>@name</c> = <paramref name="value"/> (null as SQL NULL).</summary>
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Adds <c>@name</c> with an explicit type, for a parameter that may be null where the SQL alone does not give
    /// PostgreSQL its type (<c>@kind IS NULL OR …</c>).</summary>
    public static void Add(this DbCommand command, string name, object? value, System.Data.DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static string? TextOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>True for the failures a store wraps in its package's storage exception.</summary>
    public static bool IsDriverFailure(Exception exception) => exception is DbException or TimeoutException;
}
