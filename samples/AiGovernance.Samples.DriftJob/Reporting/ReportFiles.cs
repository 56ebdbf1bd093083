using System.Text;
using AiGovernance.Reporting;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>Writes the three report files into the output folder, rendered by the Reporting package.</summary>
internal static class ReportFiles
{
    public const string Json = "drift-report.json";
    public const string Markdown = "drift-report.md";
    public const string Html = "drift-report.html";

    public static async Task<string> WriteAsync(DriftJobResult result, int exitCode, string outputDirectory, CancellationToken cancellationToken)
    {
        string folder;
        try
        {
            folder = Path.GetFullPath(outputDirectory);
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DriftJobInputException($"Cannot create the output folder '{outputDirectory}': {ex.Message}", ex);
        }

        var renderer = new ReportRenderer();
        var document = DriftJobReport.Create(result, exitCode, renderer.Options);
        var utf8 = new UTF8Encoding(false);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, Json), renderer.ToJson(document), utf8, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, Markdown), renderer.ToMarkdown(document), utf8, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, Html), renderer.ToHtml(document), utf8, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DriftJobInputException($"Cannot write the reports into '{folder}': {ex.Message}", ex);
        }

        return folder;
    }
}
