using System.ComponentModel;
using AiGovernance.Reporting;
using AiGovernance.Reporting.Json;
using AiGovernance.Samples.DriftJob.Cli;
using AiGovernance.Samples.DriftJob.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AiGovernance.Tool;

/// <summary><c>aigov report &lt;FILE&gt; --format html|md</c>: renders a stored report with AiGovernance.Reporting.</summary>
internal sealed class ReportCommand(IAnsiConsole console) : AsyncCommand<ReportCommand.Settings>
{
    /// <summary>The longest stored report read: 256 MB of JSON is far beyond any report the library writes.</summary>
    public const long MaxReportBytes = 256L * 1024 * 1024;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.Report);
        if (!File.Exists(path))
        {
            throw new DriftJobInputException($"The report file '{settings.Report}' does not exist.");
        }

        if (new FileInfo(path).Length > MaxReportBytes)
        {
            throw new DriftJobInputException($"The report file '{settings.Report}' is larger than {MaxReportBytes / (1024 * 1024)} MB.");
        }

        ReportDocument document;
        try
        {
            document = ReportJson.Parse(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (ReportJsonException ex)
        {
            throw new DriftJobInputException($"'{settings.Report}' is not a stored AiGovernance report: {ex.Message}", ex);
        }

        var html = settings.IsHtml;
        var renderer = new ReportRenderer();
        var text = html ? renderer.ToHtml(document) : renderer.ToMarkdown(document);
        var target = Path.GetFullPath(settings.Out ?? Path.ChangeExtension(path, html ? ".html" : ".md"));
        var folder = Path.GetDirectoryName(target)!;
        ReportFiles.CheckOutputFolder(folder);
        await ReportFiles.WriteAllAsync(folder, [(Path.GetFileName(target), text)], cancellationToken);
        console.MarkupLine($"[bold]{Shown.Markup(document.Kind)} report[/] of {Shown.Name(document.SystemName)} rendered to {Shown.Markup(target)}");
        return 0;
    }

    /// <summary>The command line of <c>aigov report</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<REPORT>")]
        [Description("A stored report: the JSON file an AiGovernance report writes (with \"kind\" and \"schemaVersion\").")]
        public string Report { get; set; } = string.Empty;

        [CommandOption("-f|--format <FORMAT>")]
        [Description("html (one self-contained file) or md (Markdown).")]
        [DefaultValue("html")]
        public string Format { get; set; } = "html";

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the rendered report. Default: beside the JSON, with the extension .html or .md.")]
        public string? Out { get; set; }

        public bool IsHtml => string.Equals(Format, "html", StringComparison.OrdinalIgnoreCase);

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Report))
            {
                return ValidationResult.Error("report needs the stored report's JSON file.");
            }

            return Format.ToLowerInvariant() is "html" or "md" or "markdown"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format must be html or md; got '{Format}'.");
        }
    }
}
