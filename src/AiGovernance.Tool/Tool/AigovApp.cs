using AiGovernance.Samples.DriftJob;
using AiGovernance.Samples.DriftJob.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Tool;

/// <summary>The <c>aigov</c> command line: <c>drift</c>, <c>report</c>, <c>verify-audit</c> and <c>techfile</c>.</summary>
/// <remarks>Exit codes as the drift job's (<see cref="DriftJobApp"/>): 0 success (no drift, chain verified, report written);
/// 1 a finding a scheduler should act on (dataset drift, a broken audit chain); 2 bad input or usage, one line on standard
/// error; 130/143 cancelled by Ctrl+C or SIGTERM, nothing written.</remarks>
internal static class AigovApp
{
    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken,
        TimeProvider? timeProvider = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var app = new CommandApp();
        app.Configure(config =>
        {
            DriftJobApp.Configure(config, console, timeProvider);
            config.SetApplicationName("aigov");
            config.AddCommand<DriftJobCommand>("drift")
                .WithDescription(DriftJobApp.DriftDescription)
                .WithExample("drift", "--reference", "train.parquet", "--current", "today.csv", "--system", "credit-scoring", "--out", "./reports");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Renders a stored report (the JSON an AiGovernance report writes, with its kind and schemaVersion) as "
                    + "self-contained HTML or Markdown, written next to it unless --out says where.")
                .WithExample("report", "reports/drift-report.json", "--format", "html");
            config.AddCommand<VerifyAuditCommand>("verify-audit")
                .WithDescription("Verifies an audit log's hash chain: a JSON-lines audit file, a SQLite governance database (file or "
                    + "\"Data Source=…\") or a PostgreSQL one (\"Host=…\"). "
                    + "Exit 0 verified, 1 broken (where and why on the console), 2 unreadable.")
                .WithExample("verify-audit", "governance.db");
            config.AddCommand<TechFileCommand>("techfile")
                .WithDescription("Writes the EU AI Act technical file (Annex IV) of one AI system from a governance database: its "
                    + "inventory record, audit records and stored reports, each statement citing its source, and every point the database "
                    + "cannot fill listed as a gap for the owner; signed (DSSE) with --signing-key. --verify DIR checks a written file.")
                .WithExample("techfile", "--system", "credit-scoring", "--system-version", "2.1.0", "--artifact", "model.onnx", "--store",
                    "governance.db", "--signing-key", "signer.pem", "--out", "./techfile")
                .WithExample("techfile", "--verify", "./techfile", "--trusted-key", "signer.pub.pem", "--store", "governance.db");
        });
        return DriftJobApp.RunAsync(app, args, console, error, "aigov", cancellationToken);
    }
}
