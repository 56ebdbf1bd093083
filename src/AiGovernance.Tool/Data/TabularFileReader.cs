using AiGovernance.Shared;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Reads a CSV file (with Sep) or a Parquet file (with Parquet.Net), chosen by extension, into a
/// <see cref="RawTable"/>. Every failure becomes a <see cref="DriftJobInputException"/> naming the file.</summary>
internal static class TabularFileReader
{
    /// <summary>Reads both input files at once (one per core) and fixes every column to the reference's kind.</summary>
    /// <param name="referencePath">The reference file as the user gave it.</param>
    /// <param name="currentPath">The current file as the user gave it.</param>
    /// <param name="numbers">How the files write numbers.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Both tables, columns of equal kinds where names match.</returns>
    /// <exception cref="DriftJobInputException">A file is missing, empty or unreadable, or a numeric column holds text.</exception>
    public static async Task<(RawTable Reference, RawTable Current)> ReadPairAsync(
        string referencePath, string currentPath, NumberReader numbers, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reference = ReadAsync(referencePath, "reference", numbers, failed);
        var current = ReadAsync(currentPath, "current", numbers, failed);
        try
        {
            await Task.WhenAll(reference, current).ConfigureAwait(false);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            // Report the reference file's problem first (it is named first on the command line), else the current's.
            await (reference.IsFaulted ? reference : current).ConfigureAwait(false);
            throw;
        }

        var referenceTable = (await reference.ConfigureAwait(false)).Finish(null);
        var kinds = TableAssembler.KindsOf(referenceTable, numbers);
        return (referenceTable, (await current.ConfigureAwait(false)).Finish(kinds));
    }

    private static async Task<PendingTable> ReadAsync(string path, string role, NumberReader numbers, CancellationTokenSource failed)
    {
        try
        {
            return await ReadRowsAsync(path, role, numbers, failed.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The other file's read stops too: the run fails either way.
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<PendingTable> ReadRowsAsync(string path, string role, NumberReader numbers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DriftJobInputException($"The {role} file path is empty.");
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' is a folder; give the path of a .csv or .parquet file.");
        }

        if (!File.Exists(full))
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' does not exist.");
        }

        var extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".csv" or ".parquet"))
        {
            throw new DriftJobInputException(
                $"The {role} file '{N(path)}' has the extension '{N(extension)}'; the job reads .csv (comma, semicolon or tab separated, with a " +
                    $"header row) and .parquet files.");
        }

        if (new FileInfo(full).Length == 0)
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' is empty.");
        }

        if (extension == ".parquet")
        {
            var table = await ParquetTableReader.ReadAsync(full, path, role, cancellationToken).ConfigureAwait(false);
            return new PendingTable(Check(table, path, role), null, path, role);
        }

        var csv = await Task.Run(() => ReadCsv(full, path, role, numbers, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new PendingTable(null, csv, path, role);
    }

    private static CsvTableReader ReadCsv(string full, string shown, string role, NumberReader numbers, CancellationToken cancellationToken)
    {
        try
        {
            return CsvTableReader.ReadRows(full, shown, role, numbers, cancellationToken);
        }
        catch (Exception ex) when (ex is not (DriftJobInputException or OperationCanceledException or OutOfMemoryException))
        {
            throw new DriftJobInputException($"The {role} file '{N(shown)}' is not a readable CSV file: {UntrustedText.Bound(ex.Message, 300)}", ex);
        }
    }

    private static RawTable Check(RawTable table, string path, string role)
    {
        if (table.Columns.Count == 0)
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' has no columns.");
        }

        if (table.RowCount == 0)
        {
            throw new DriftJobInputException($"The {role} file '{N(path)}' has a header but no data rows.");
        }

        return table;
    }

    private static string N(string text) => UntrustedText.Bound(text, 300);

    /// <summary>A file whose rows are read; a CSV file's columns are fixed to their final kinds by <see cref="Finish"/>.</summary>
    private sealed class PendingTable(RawTable? parquet, CsvTableReader? csv, string path, string role)
    {
        public RawTable Finish(IReadOnlyDictionary<string, bool>? kinds) => parquet ?? Check(csv!.Finish(kinds), path, role);
    }
}
