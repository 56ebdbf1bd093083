using System.Numerics;

namespace AiGovernance.Deployment.Bucketing;

/// <summary>A bounded, lock-free, allocation-free cache of recently seen units and their SHA-256 bucketing hash, for one
/// salt. Direct-mapped: a unit lands in one slot chosen by the process's randomised string hash (used only to pick the
/// slot — never for the assignment, which always comes from <see cref="StableBucketing.Hash64"/>); a newer unit evicts it.</summary>
/// <remarks>Each slot is guarded by a version number (a sequence lock): a writer claims the slot by moving the version
/// from even to odd with a compare-and-swap, writes the unit and hash, and publishes an even version again; a reader
/// takes the entry only when it saw the same even version before and after reading it and the stored unit equals the
/// asked one (ordinal). A reader never sees a torn entry, a writer never blocks (a slot being written is simply not
/// cached this time), and a hit returns exactly the hash <see cref="StableBucketing.Hash64"/> computed for that unit.</remarks>
internal sealed class RecentUnitCache
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public RecentUnitCache(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _entries = new Entry[size];
        _mask = size - 1;
    }

    public int Capacity => _entries.Length;

    public bool TryGet(string unitId, out ulong hash)
    {
        ref var entry = ref _entries[unitId.GetHashCode() & _mask];
        var before = Volatile.Read(ref entry.Version);
        var unit = Volatile.Read(ref entry.Unit);
        var stored = Volatile.Read(ref entry.Hash);
        var after = Volatile.Read(ref entry.Version);
        if ((before & 1) == 0 && before == after && string.Equals(unit, unitId, StringComparison.Ordinal))
        {
            hash = stored;
            return true;
        }

        hash = 0;
        return false;
    }

    public void Add(string unitId, ulong hash)
    {
        ref var entry = ref _entries[unitId.GetHashCode() & _mask];
        var version = Volatile.Read(ref entry.Version);
        if ((version & 1) != 0 || Interlocked.CompareExchange(ref entry.Version, unchecked(version + 1), version) != version)
        {
            return;
        }

        Volatile.Write(ref entry.Unit, unitId);
        Volatile.Write(ref entry.Hash, hash);
        Volatile.Write(ref entry.Version, unchecked(version + 2));
    }

    private struct Entry
    {
        public int Version;
        public string? Unit;
        public ulong Hash;
    }
}
