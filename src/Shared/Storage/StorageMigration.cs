using System.Globalization;
using System.Reflection;

namespace AiGovernance.Shared;

/// <summary>One schema migration: the version it brings the database to and the SQL that does it.</summary>
internal sealed record StorageMigration(int Version, string Description, string Sql)
{
    /// <summary>Reads the migrations embedded in <paramref name="assembly"/> as <c>{prefix}NNN_description.sql</c>, in
    /// version order; versions must run 1, 2, 3 … without gaps.</summary>
    public static IReadOnlyList<StorageMigration> Load(Assembly assembly, string prefix)
    {
        var migrations = new List<StorageMigration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = name[prefix.Length..^4];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore < 1 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new StorageMigration(version, file[(underscore + 1)..].Replace('_', ' '), reader.ReadToEnd()));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration {i + 1} is missing from {assembly.GetName().Name}.");
            }
        }

        return migrations;
    }
}
