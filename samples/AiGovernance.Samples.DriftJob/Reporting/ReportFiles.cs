using System.Text;
using AiGovernance.Samples.DriftJob.Data;
using AiGovernance.Samples.DriftJob.Pipeline;

namespace AiGovernance.Samples.DriftJob.Reporting;

/// <summary>Writes the three report files into the output folder.</summary>
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

        var utf8 = new UTF8Encoding(false);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, Json), JsonReportWriter.Render(result, exitCode), utf8, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, Markdown), MarkdownReportWriter.Render(result, exitCode), utf8, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, Html), HtmlReportWriter.Render(result, exitCode), utf8, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DriftJobInputException($"Cannot write the reports into '{folder}': {ex.Message}", ex);
        }

        return folder;
    }
}
