using System.Text.Json;
using AiGovernance.Core;

namespace AiGovernance.Gates.Inventory;

/// <summary>An <see cref="IAiInventory"/> stored as one JSON file, rewritten atomically (write to a temporary file, then
/// replace) after every change. Thread-safe within a process; not for several processes writing the same file.</summary>
public sealed class JsonFileAiInventory : IAiInventory
{
    private readonly Lock _gate = new();
    private readonly InMemoryAiInventory _entries;

    /// <summary>Opens (or creates on first change) an inventory file.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="AiGovernanceException">The file exists but is not a valid inventory.</exception>
    public JsonFileAiInventory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _entries = new InMemoryAiInventory(Load(Path));
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written; the entry is not kept.</exception>
    public ValueTask UpsertAsync(AiInventoryEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var previous = _entries.Get(entry.SystemId);
            _entries.Put(entry);
            try
            {
                Save();
            }
            catch
            {
                // The file is the truth: what could not be written is not kept in memory either.
                if (previous is null)
                {
                    _entries.Delete(entry.SystemId);
                }
                else
                {
                    _entries.Put(previous);
                }

                throw;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be written; the entry is kept.</exception>
    public ValueTask<bool> RemoveAsync(string systemId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var previous = _entries.Get(systemId);
            if (previous is null)
            {
                return ValueTask.FromResult(false);
            }

            _entries.Delete(systemId);
            try
            {
                Save();
            }
            catch
            {
                _entries.Put(previous);
                throw;
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty.</exception>
    public ValueTask<AiInventoryEntry?> FindAsync(string systemId, CancellationToken cancellationToken = default) =>
        _entries.FindAsync(systemId, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AiInventoryEntry>> GetAllAsync(CancellationToken cancellationToken = default) =>
        _entries.GetAllAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindByTierAsync(RiskTier tier, CancellationToken cancellationToken = default) =>
        _entries.FindByTierAsync(tier, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AiInventoryEntry>> FindReviewOverdueAsync(ReviewOverdueCutoffs cutoffs,
        CancellationToken cancellationToken = default) =>
        _entries.FindReviewOverdueAsync(cutoffs, cancellationToken);

    private static List<AiInventoryEntry> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var document = JsonSerializer.Deserialize(File.ReadAllBytes(path), GatesJsonContext.Default.InventoryDocumentJson)
                ?? throw new AiGovernanceException($"The inventory file {path} is empty.");
            if (document.Version != 1)
            {
                throw new AiGovernanceException($"The inventory file {path} has unsupported version {document.Version}.");
            }

            var entries = new List<AiInventoryEntry>(document.Systems.Count);
            foreach (var s in document.Systems)
            {
                if (!Enum.TryParse<RiskTier>(s.Tier, ignoreCase: false, out var tier) || !Enum.IsDefined(tier))
                {
                    throw new AiGovernanceException($"The inventory file {path} has an unknown tier '{s.Tier}' for {s.SystemId}.");
                }

                entries.Add(new AiInventoryEntry(s.SystemId, s.Name, new AiSystemOwners(s.BusinessOwner, s.TechnicalOwner, s.OperationsOwner), tier)
                {
                    Vendor = s.Vendor,
                    Product = s.Product,
                    Component = s.Component,
                    VendorDisclosesAi = s.VendorDisclosesAi,
                    LastReviewedAt = s.LastReviewedAt,
                });
            }

            return entries;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new AiGovernanceException($"The inventory file {path} is not a valid inventory: {ex.Message}", ex);
        }
    }

    private void Save()
    {
        var document = new InventoryDocumentJson();
        foreach (var e in _entries.Where(static _ => true))
        {
            document.Systems.Add(new InventoryEntryJson
            {
                SystemId = e.SystemId,
                Name = e.Name,
                BusinessOwner = e.Owners.BusinessOwner,
                TechnicalOwner = e.Owners.TechnicalOwner,
                OperationsOwner = e.Owners.OperationsOwner,
                Tier = e.Tier.ToString(),
                Vendor = e.Vendor,
                Product = e.Product,
                Component = e.Component,
                VendorDisclosesAi = e.VendorDisclosesAi,
                LastReviewedAt = e.LastReviewedAt,
            });
        }

        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = Path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(document, GatesJsonContext.Wire.InventoryDocumentJson));
        File.Move(temporary, Path, overwrite: true);
    }
}
