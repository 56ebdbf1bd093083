using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Samples.DriftJob.Cli;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Samples.DriftJob.Reporting;
using AiGovernance.Shared;
using AiGovernance.Storage.PostgreSql;
using AiGovernance.Storage.PostgreSql.Stores;
using AiGovernance.Storage.Sqlite;
using AiGovernance.Storage.Sqlite.Stores;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Tool;

/// <summary><c>aigov techfile --system NAME --store CONNECTION</c>: the technical-file evidence of one AI system that a
/// governance database holds — its stored reports per Annex IV section, each with its digest and audit record, the audit
/// chain's verification, and the sections the database cannot know, listed as gaps for the owner (never invented).</summary>
/// <remarks>Writes <c>technical-file.md</c> and <c>technical-file.json</c> together, all or none. The evidence is what
/// the report history holds; the signed Annex IV document itself is assembled by the Reporting package's technical file.</remarks>
internal sealed class TechFileCommand(IAnsiConsole console, TimeProvider timeProvider) : AsyncCommand<TechFileCommand.Settings>
{
    public const string MarkdownFile = "technical-file.md";
    public const string JsonFile = "technical-file.json";

    /// <summary>Annex IV sections: the report kinds that are evidence for each, or none (a gap the owner fills).</summary>
    internal static readonly (string Section, string Title, string[] Kinds)[] Sections =
    [
        ("1", "General description and intended purpose", []),
        ("2", "Development, data and data lineage", []),
        ("3", "Monitoring, functioning and control", [GovernanceReportKinds.Drift, GovernanceReportKinds.Performance,
            GovernanceReportKinds.EstimatedPerformance, GovernanceReportKinds.Fairness]),
        ("3.1", "Human oversight measures and their measured effectiveness", [GovernanceReportKinds.Oversight]),
        ("4", "Risk management system", [GovernanceReportKinds.Scorecard]),
        ("5", "Changes over the lifecycle", [GovernanceReportKinds.Canary, GovernanceReportKinds.Shadow]),
        ("6", "Harmonised standards and specifications applied", []),
        ("7", "Post-market monitoring plan", []),
    ];

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folder = ReportFiles.CheckOutputFolder(settings.Out);
        var query = new GovernanceReportQuery(settings.System, null, settings.FromDate, settings.ToDate);
        var (reports, audit) = await ReadAsync(settings.Store.Trim(), query, timeProvider, cancellationToken);
        var generated = timeProvider.GetUtcNow();
        (string, string)[] files =
        [
            (MarkdownFile, Markdown(settings.System, generated, reports, audit)),
            (JsonFile, Json(settings.System, generated, reports, audit)),
        ];
        await ReportFiles.WriteAllAsync(folder, files, cancellationToken);
        var gaps = Sections.Count(s => !reports.Any(r => s.Kinds.Contains(r.Report.Kind)));
        console.MarkupLine($"[bold]Technical-file evidence[/] of {Shown.Name(settings.System)}: {reports.Count} stored report(s), "
            + $"{gaps} section(s) left as gaps for the owner; audit chain {(audit.IsValid ? "[green]verified[/]" : "[red]BROKEN[/]")}");
        console.MarkupLine($"[bold]Written to[/] {Shown.Markup(folder)} ({MarkdownFile}, {JsonFile})");
        return audit.IsValid ? 0 : VerifyAuditCommand.ExitBroken;
    }

    private static async Task<(IReadOnlyList<StoredGovernanceReport> Reports, AuditVerificationResult Audit)> ReadAsync(string store,
        GovernanceReportQuery query, TimeProvider time, CancellationToken cancellationToken)
    {
        var reports = new List<StoredGovernanceReport>();
        if (store.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                await using var database = new PostgreSqlGovernanceDatabase(new PostgreSqlStorageOptions { ConnectionString = store }, time);
                var log = new PostgreSqlAuditLog(database, time);
                await foreach (var r in new PostgreSqlGovernanceReportStore(database, log).QueryAsync(query, cancellationToken))
                {
                    reports.Add(r);
                }

                return (reports, await log.VerifyAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
            {
                throw new DriftJobInputException($"Cannot read the PostgreSQL governance database: {ex.Message}", ex);
            }
        }

        var connection = new SqliteConnectionStringBuilder(store.Contains('=', StringComparison.Ordinal) ? store : "Data Source=" + store);
        if (!File.Exists(connection.DataSource))
        {
            throw new DriftJobInputException($"The governance database '{connection.DataSource}' does not exist.");
        }

        try
        {
            var database = new SqliteGovernanceDatabase(new SqliteStorageOptions { ConnectionString = connection.ConnectionString }, time);
            var log = new SqliteAuditLog(database, time);
            await foreach (var r in new SqliteGovernanceReportStore(database, log).QueryAsync(query, cancellationToken))
            {
                reports.Add(r);
            }

            return (reports, await log.VerifyAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is SqliteException or Storage.Sqlite.SqliteStorageException)
        {
            throw new DriftJobInputException($"Cannot read the SQLite governance database '{connection.DataSource}': {ex.Message}", ex);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static string Markdown(string system, DateTimeOffset generated, IReadOnlyList<StoredGovernanceReport> reports,
        AuditVerificationResult audit)
    {
        var inv = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.Append("# Technical-file evidence: ").Append(Text(system)).Append("\n\n");
        b.Append(inv, $"- Generated: {generated:yyyy-MM-dd HH:mm:ss} UTC\n- Stored reports: {reports.Count}\n");
        b.Append(inv, $"- Audit chain: {(audit.IsValid ? "verified" : "BROKEN: " + Text(audit.Message))}, {audit.VerifiedCount} records\n\n");
        foreach (var (section, title, kinds) in Sections)
        {
            b.Append("## ").Append(section).Append(' ').Append(title).Append("\n\n");
            var evidence = reports.Where(r => kinds.Contains(r.Report.Kind)).ToList();
            if (evidence.Count == 0)
            {
                b.Append(kinds.Length == 0
                    ? "**Gap**: the governance database does not hold this; the system's owner writes it.\n\n"
                    : "**Gap**: no stored report of kind " + string.Join(", ", kinds) + " for this system.\n\n");
                continue;
            }

            b.Append("| Kind | Created (UTC) | Report | Audit record | SHA-256 |\n|---|---|---|---|---|\n");
            foreach (var r in evidence)
            {
                b.Append(inv, $"| {r.Report.Kind} | {r.Report.CreatedAt:yyyy-MM-dd HH:mm} | #{r.Id} | #{r.AuditSequence} | `{r.Report.Digest}` |\n");
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    private static string Json(string system, DateTimeOffset generated, IReadOnlyList<StoredGovernanceReport> reports,
        AuditVerificationResult audit)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("kind", "technical-file-evidence");
            w.WriteString("system", system);
            w.WriteString("generatedAt", generated);
            w.WriteStartObject("audit");
            w.WriteBoolean("valid", audit.IsValid);
            w.WriteNumber("records", audit.VerifiedCount);
            w.WriteString("failure", audit.IsValid ? null : audit.Message);
            w.WriteEndObject();
            w.WriteStartArray("sections");
            foreach (var (section, title, kinds) in Sections)
            {
                var evidence = reports.Where(r => kinds.Contains(r.Report.Kind)).ToList();
                w.WriteStartObject();
                w.WriteString("section", section);
                w.WriteString("title", title);
                w.WriteBoolean("gap", evidence.Count == 0);
                w.WriteStartArray("evidence");
                foreach (var r in evidence)
                {
                    w.WriteStartObject();
                    w.WriteNumber("reportId", r.Id);
                    w.WriteString("kind", r.Report.Kind);
                    w.WriteString("createdAt", r.Report.CreatedAt);
                    w.WriteNumber("auditSequence", r.AuditSequence);
                    w.WriteString("sha256", r.Report.Digest.ToString());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Text(string text) => UntrustedText.Bound(text).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The command line of <c>aigov techfile</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--system <NAME>")]
        [Description("The AI system whose evidence is gathered (as its reports were stored).")]
        public string System { get; set; } = string.Empty;

        [CommandOption("--store <CONNECTION>")]
        [Description("The governance database: a SQLite file or \"Data Source=…\", or a PostgreSQL \"Host=…\" connection string.")]
        public string Store { get; set; } = string.Empty;

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for technical-file.md and technical-file.json.")]
        [DefaultValue("techfile")]
        public string Out { get; set; } = "techfile";

        [CommandOption("--from <DATE>")]
        [Description("Only reports created at or after this date (UTC, yyyy-MM-dd): the post-market monitoring period.")]
        public string? From { get; set; }

        [CommandOption("--to <DATE>")]
        [Description("Only reports created before this date (UTC, yyyy-MM-dd).")]
        public string? To { get; set; }

        public DateTimeOffset? FromDate => Date(From);

        public DateTimeOffset? ToDate => Date(To);

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(System) || string.IsNullOrWhiteSpace(Store))
            {
                return ValidationResult.Error("techfile needs --system NAME and --store CONNECTION.");
            }

            foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
            {
                if (value is not null && !DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out _))
                {
                    return ValidationResult.Error($"{name} must be a date such as 2026-07-01; got '{value}'.");
                }
            }

            return ValidationResult.Success();
        }

        private static DateTimeOffset? Date(string? value) => value is null ? null
            : DateTimeOffset.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
