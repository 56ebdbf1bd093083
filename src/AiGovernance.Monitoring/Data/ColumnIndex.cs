using System.Runtime.CompilerServices;

namespace AiGovernance.Monitoring.Data;

/// <summary>Finds a column by name in O(1): a name → column dictionary built once per column list and kept beside it.</summary>
/// <typeparam name="T">The column type.</typeparam>
/// <remarks>Schemas and references are immutable records whose <c>Columns</c> list is replaced, not edited, by <c>with</c>
/// expressions, so the index is keyed on the list instance (a <see cref="ConditionalWeakTable{TKey, TValue}"/>: it lives as long
/// as the list and is not part of the record's equality). Linear lookups made a 40,000-column comparison quadratic (38.6 s,
/// #21 defect 8). A list whose count changed after it was indexed is indexed again (lists are not to be edited in place); with
/// duplicate names the first wins, as a linear search would. Lists of fewer than 8 columns are searched directly.</remarks>
internal static class ColumnIndex<T>
    where T : class
{
    private static readonly ConditionalWeakTable<IReadOnlyList<T>, Index> Indexes = [];

    public static T? Find(IReadOnlyList<T> columns, string name, Func<T, string> nameOf)
    {
        if (columns.Count < 8)
        {
            foreach (var column in columns)
            {
                if (string.Equals(nameOf(column), name, StringComparison.Ordinal))
                {
                    return column;
                }
            }

            return null;
        }

        if (!Indexes.TryGetValue(columns, out var index) || index.ListCount != columns.Count)
        {
            index = new Index(columns, nameOf);
            Indexes.AddOrUpdate(columns, index);
        }

        return index.ByName.GetValueOrDefault(name);
    }

    private sealed class Index
    {
        public Index(IReadOnlyList<T> columns, Func<T, string> nameOf)
        {
            ListCount = columns.Count;
            ByName = new Dictionary<string, T>(columns.Count, StringComparer.Ordinal);
            foreach (var column in columns)
            {
                ByName.TryAdd(nameOf(column), column);
            }
        }

        public int ListCount { get; }

        public Dictionary<string, T> ByName { get; }
    }
}
