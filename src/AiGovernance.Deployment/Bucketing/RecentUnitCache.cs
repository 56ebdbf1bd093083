using System.Numerics;

namespace AiGovernance.Deployment.Bucketing;

/// <summary>A bounded, lock-free, allocation-free cache of recently seen units and their SHA-256 bucketing hash, for one
/// salt. Four-way set-associative: a unit's set is chosen by the process's randomised string hash (used only to pick the
/// set — never for the assignment, which always comes from <see cref="StableBucketing.Hash64"/>); a new unit takes an
/// empty way, else the ways of a full set are replaced in turn (first in, first out).</summary>
/// <remarks>Each entry is guarded by a version number (a sequence lock): a writer claims the entry by moving the version
/// from even to odd with a compare-and-swap, writes the unit and hash, and publishes an even version again; a reader
/// takes the entry only when it saw the same even version before and after reading it and the stored unit equals the
/// asked one (ordinal). A reader never sees a torn entry, a writer never blocks (an entry being written is simply not
/// cached this time), and a hit returns exactly the hash <see cref="StableBucketing.Hash64"/> computed for that unit.
/// Four ways keep a working set of up to about half the capacity resident; a direct-mapped table evicts about 40% of
/// such a working set through collisions.</remarks>
internal sealed class RecentUnitCache
{
    private const int Ways = 4;
    private readonly Entry[] _entries;
    private readonly int[] _nextVictim;
    private readonly int _setMask;

    public RecentUnitCache(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, Ways));
        _entries = new Entry[size];
        _nextVictim = new int[size / Ways];
        _setMask = (size / Ways) - 1;
    }

    public int Capacity => _entries.Length;

    public bool TryGet(string unitId, out ulong hash)
    {
        var first = (unitId.GetHashCode() & _setMask) * Ways;
        for (var way = 0; way < Ways; way++)
        {
            ref var entry = ref _entries[first + way];
            var before = Volatile.Read(ref entry.Version);
            var unit = Volatile.Read(ref entry.Unit);
            var stored = Volatile.Read(ref entry.Hash);
            var after = Volatile.Read(ref entry.Version);
            if ((before & 1) == 0 && before == after && string.Equals(unit, unitId, StringComparison.Ordinal))
            {
                hash = stored;
                return true;
            }
        }

        hash = 0;
        return false;
    }

    public void Add(string unitId, ulong hash)
    {
        var set = unitId.GetHashCode() & _setMask;
        var first = set * Ways;
        var way = 0;
        while (way < Ways && Volatile.Read(ref _entries[first + way].Unit) is not null)
        {
            way++;
        }

        if (way == Ways)
        {
            // A plain increment: two writers racing here may pick the same victim, which only costs a cache entry.
            way = _nextVictim[set]++ & (Ways - 1);
        }

        ref var entry = ref _entries[first + way];
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
