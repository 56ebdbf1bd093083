using System.Collections.Concurrent;
using System.Text.Json;
using AiGovernance.Monitoring.Drift;

namespace AiGovernance.Monitoring.Orleans.References;

/// <summary>The default <see cref="IDriftReferenceProvider"/>: references registered in code, or read once from the JSON
/// files named by <see cref="OrleansMonitoringOptions.ReferencePath"/> and <see cref="OrleansMonitoringOptions.References"/>.</summary>
/// <remarks>Thread-safe. A file is read on first use and kept; a reference registered with <see cref="Add"/> wins over a file.</remarks>
public sealed class DriftReferenceCatalog : IDriftReferenceProvider
{
    private readonly ConcurrentDictionary<string, DriftReference> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);

    /// <summary>Creates an empty catalog.</summary>
    public DriftReferenceCatalog()
    {
    }

    /// <summary>Creates a catalog that reads the reference files named by the options.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public DriftReferenceCatalog(OrleansMonitoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (system, path) in options.References)
        {
            _paths[system] = path;
        }

        if (options.SystemId is { } id && options.ReferencePath is { } own)
        {
            _paths[id] = own;
        }
    }

    /// <summary>Registers (or replaces) a system's reference.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <param name="reference">Its fitted reference.</param>
    /// <returns>This catalog.</returns>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    public DriftReferenceCatalog Add(string systemId, DriftReference reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        ArgumentNullException.ThrowIfNull(reference);
        _references[systemId] = reference;
        return this;
    }

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">No reference is registered or configured for the system.</exception>
    /// <exception cref="InvalidDataException">The configured file cannot be read as a drift reference (the message names it).</exception>
    public async ValueTask<DriftReference> GetAsync(string systemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        if (_references.TryGetValue(systemId, out var known))
        {
            return known;
        }

        if (!_paths.TryGetValue(systemId, out var path))
        {
            throw new KeyNotFoundException($"No drift reference is registered or configured for system '{systemId}'.");
        }

        DriftReference reference;
        try
        {
            reference = DriftReference.FromJson(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            throw new InvalidDataException($"The drift reference of system '{systemId}' at '{path}' cannot be read: {e.Message}", e);
        }

        return _references.GetOrAdd(systemId, reference);
    }
}
