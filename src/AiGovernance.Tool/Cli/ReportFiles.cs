using System.Text;
using AiGovernance.Reporting;
using AiGovernance.Reporting.Drift;
using AiGovernance.Samples.DriftJob.Data;

namespace AiGovernance.Samples.DriftJob.Cli;

/// <summary>Writes the three report files into the output folder, all or none.</summary>
/// <remarks>
/// <para>The reports are rendered in memory, written to hidden temporary files in the output folder and flushed to disk
/// (fsync); only when all three are complete are they moved over the old reports, one rename each. A cancelled run (the
/// token is honoured until the first rename, never after) or a failure while writing leaves the folder exactly as it
/// was: no new file beside old ones, no report cut short, no folder created. A failure during the renames restores the
/// old reports from hard-linked backups.</para>
/// <para>The renames are atomic one by one, not as a group: a machine that loses power between two of them can leave a
/// mix of old and new reports (each complete). Every report carries its generation time, so a reader can tell.</para>
/// </remarks>
internal static class ReportFiles
{
    public const string Json = "drift-report.json";
    public const string Markdown = "drift-report.md";
    public const string Html = "drift-report.html";

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The job's rendering options: names and messages from data are shown up to 1,000 characters (a message naming
    /// several bounded names fits, a 10 MB label does not).</summary>
    private static readonly ReportingOptions Options = new() { MaxTextLength = 1_000 };

    /// <summary>Checks, before any analysis, that <paramref name="outputDirectory"/> can receive the reports, leaving the
    /// file system as it was (a missing folder is not created yet).</summary>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="DriftJobInputException">The path is a file, lies under a file, or cannot be written.</exception>
    public static string CheckOutputFolder(string outputDirectory)
    {
        string folder;
        try
        {
            folder = Path.GetFullPath(outputDirectory);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DriftJobInputException($"--out '{outputDirectory}' is not a usable folder path: {ex.Message}", ex);
        }

        if (File.Exists(folder))
        {
            throw new DriftJobInputException($"--out '{outputDirectory}' is a file, not a folder.");
        }

        var existing = folder;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                throw new DriftJobInputException($"--out '{outputDirectory}' cannot be created: no part of the path exists.");
            }

            if (File.Exists(parent))
            {
                throw new DriftJobInputException($"--out '{outputDirectory}' cannot be created: '{parent}' is a file, not a folder.");
            }

            existing = parent;
        }

        var probe = Path.Combine(existing, $".drift-job-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DriftJobInputException($"--out '{outputDirectory}' is not writable ('{existing}'): {ex.Message}", ex);
        }

        return folder;
    }

    /// <summary>Renders the report with AiGovernance.Reporting as JSON, Markdown and (when <paramref name="html"/>) HTML, and
    /// writes the files, all or none.</summary>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="DriftJobInputException">The reports cannot be written; the folder is as it was.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the reports were moved into place; the folder is as it was.</exception>
    public static async Task<string> WriteAsync(DriftReportDocument document, string outputDirectory, CancellationToken cancellationToken,
        bool html = true)
    {
        var folder = CheckOutputFolder(outputDirectory);
        var renderer = new ReportRenderer(Options);
        var reports = new List<(string Name, string Content)>
        {
            (Json, renderer.ToJson(document)),
            (Markdown, renderer.ToMarkdown(document)),
        };
        if (html)
        {
            reports.Add((Html, renderer.ToHtml(document)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        await WriteAllAsync(folder, reports, cancellationToken).ConfigureAwait(false);
        return folder;
    }

    /// <summary>Writes <paramref name="files"/> into <paramref name="folder"/>, all or none (see the type's remarks).</summary>
    internal static async Task WriteAllAsync(string folder, IReadOnlyList<(string Name, string Content)> files, CancellationToken cancellationToken)
    {
        var createdRoot = CreateFolder(folder);
        var token = Guid.NewGuid().ToString("N");
        var staged = new List<string>(files.Count);
        try
        {
            foreach (var (name, content) in files)
            {
                var temporary = Path.Combine(folder, $".{name}.{token}.tmp");
                staged.Add(temporary);
                await WriteDurablyAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            }

            // Past this point the run is committed: cancellation is no longer honoured, the renames are quick.
            cancellationToken.ThrowIfCancellationRequested();
            Commit(folder, files, staged, token);
        }
        catch (Exception ex)
        {
            foreach (var temporary in staged)
            {
                TryDelete(temporary);
            }

            if (createdRoot is not null)
            {
                TryDeleteEmptyFolders(folder, createdRoot);
            }

            if (ex is IOException or UnauthorizedAccessException)
            {
                throw new DriftJobInputException($"Cannot write the reports into '{folder}': {ex.Message} The folder is as it was.", ex);
            }

            throw;
        }
    }

    private static void Commit(string folder, IReadOnlyList<(string Name, string Content)> files, List<string> staged, string token)
    {
        var done = new List<(string Target, string? Backup)>(files.Count);
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var target = Path.Combine(folder, files[i].Name);
                if (File.Exists(target) || Directory.Exists(target))
                {
                    var backup = Path.Combine(folder, $".{files[i].Name}.{token}.bak");
                    File.Replace(staged[i], target, backup, ignoreMetadataErrors: true);
                    done.Add((target, backup));
                }
                else
                {
                    File.Move(staged[i], target);
                    done.Add((target, null));
                }
            }
        }
        catch
        {
            for (var i = done.Count - 1; i >= 0; i--)
            {
                var (target, backup) = done[i];
                if (backup is null)
                {
                    TryDelete(target);
                }
                else
                {
                    File.Move(backup, target, overwrite: true);
                }
            }

            throw;
        }

        foreach (var (_, backup) in done)
        {
            if (backup is not null)
            {
                TryDelete(backup);
            }
        }
    }

    private static async Task WriteDurablyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var bytes = Utf8.GetBytes(content);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Creates the folder when missing; returns the topmost folder created, or null when it existed.</summary>
    private static string? CreateFolder(string folder)
    {
        string? topmost = null;
        for (var at = folder; at is not null && !Directory.Exists(at); at = Path.GetDirectoryName(at))
        {
            topmost = at;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (topmost is not null)
            {
                TryDeleteEmptyFolders(folder, topmost);
            }

            throw new DriftJobInputException($"Cannot create the output folder '{folder}': {ex.Message}", ex);
        }

        return topmost;
    }

    private static void TryDeleteEmptyFolders(string folder, string createdRoot)
    {
        for (var at = folder; at is not null; at = Path.GetDirectoryName(at))
        {
            try
            {
                Directory.Delete(at, recursive: false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return;
            }

            if (string.Equals(at, createdRoot, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a hidden temporary file is all that can remain.
        }
    }
}
