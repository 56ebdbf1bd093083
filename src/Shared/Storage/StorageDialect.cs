namespace AiGovernance.Shared;

/// <summary>The few pieces of SQL in which SQLite and PostgreSQL differ for the shared stores.</summary>
/// <param name="BytewiseOrder">Appended to an <c>ORDER BY</c> text column so ids sort in UTF-8 byte order: nothing for
/// SQLite (its default collation is binary), <c>COLLATE "C"</c> for PostgreSQL.</param>
internal sealed record StorageDialect(string BytewiseOrder)
{
    public static StorageDialect Sqlite { get; } = new(string.Empty);

    public static StorageDialect PostgreSql { get; } = new(" COLLATE \"C\"");
}
