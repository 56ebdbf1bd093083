namespace AiGovernance.Shared;

/// <summary>The few pieces of SQL, and of statement handling, in which SQLite and PostgreSQL differ for the shared stores.</summary>
/// <param name="BytewiseOrder">Appended to an <c>ORDER BY</c> text column so ids sort in UTF-8 byte order: nothing for
/// SQLite (its default collation is binary), <c>COLLATE "C"</c> for PostgreSQL.</param>
/// <param name="Greatest">The two-argument maximum: SQLite's scalar <c>max</c>, PostgreSQL's <c>GREATEST</c>.</param>
/// <param name="AutocommitSingleStatements">Whether an atomic single statement on the hot path runs autocommitted and
/// prepared (PostgreSQL: one round trip instead of BEGIN, statement, COMMIT) rather than in a write transaction (SQLite,
/// where <c>BEGIN IMMEDIATE</c> is what serialises writers across processes and costs no round trip).</param>
internal sealed record StorageDialect(string BytewiseOrder, string Greatest, bool AutocommitSingleStatements)
{
    public static StorageDialect Sqlite { get; } = new(string.Empty, "max", AutocommitSingleStatements: false);

    public static StorageDialect PostgreSql { get; } = new(" COLLATE \"C\"", "GREATEST", AutocommitSingleStatements: true);
}
