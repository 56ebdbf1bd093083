using System.Numerics;

namespace AiGovernance.Deployment.Bucketing;

/// <summary>A bounded, lock-free, allocation-free cache of recently seen units and their SHA-256 bucketing hash, for one
/// salt: open addressing over a power-of-two table, a unit living in one of the <see cref="Window"/> slots after its home
/// slot. The home slot comes from the process's randomised string hash (used only to place the entry — never for the
/// assignment, which always comes from <see cref="StableBucketing.Hash64"/>).</summary>
/// <remarks>
/// <para>A new unit takes the first empty slot of its window; when the window is full it replaces a slot chosen by a
/// rotating counter (close to random replacement). Slots are never emptied, so a lookup may stop at the first empty slot.
/// A working set of up to half the capacity stays resident (the chance that eight neighbouring slots are all taken at
/// load ½ is small) even when it is visited in a cycle, where first-in-first-out sets of four ways lost every unit of an
/// overfull set on every pass (about 14% of such a working set).</para>
/// <para>Each slot is guarded by a version number (a sequence lock): a writer claims the slot by moving the version from
/// even to odd with a compare-and-swap, writes the unit and hash, and publishes an even version again; a reader takes the
/// entry only when it saw the same even version before and after reading it and the stored unit equals the asked one
/// (ordinal). A reader never sees a torn entry, a writer never blocks (a slot being written is simply not used this time),
/// and a hit returns exactly the hash <see cref="StableBucketing.Hash64"/> computed for that unit.</para>
/// </remarks>
internal sealed class RecentUnitCache
{
    /// <summary>The slots a unit may occupy, from its home slot on.</summary>
    public const int Window = 8;

    private readonly Entry[] _entries;
    private readonly int _mask;
    private int _victim;

    public RecentUnitCache(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, Window));
        _entries = new Entry[size];
        _mask = size - 1;
    }

    public int Capacity => _entries.Length;

    /// <summary>The unit's home slot (its randomised string hash), computed once per call of the router.</summary>
    public static int Home(string unitId) => unitId.GetHashCode();

    public bool TryGet(string unitId, out ulong hash) => TryGet(unitId, Home(unitId), out hash);

    public void Add(string unitId, ulong hash) => Add(unitId, Home(unitId), hash);

    public bool TryGet(string unitId, int home, out ulong hash)
    {
        for (var probe = 0; probe < Window; probe++)
        {
            ref var entry = ref _entries[(home + probe) & _mask];
            var before = Volatile.Read(ref entry.Version);
            var code = Volatile.Read(ref entry.Code);
            var unit = Volatile.Read(ref entry.Unit);
            var stored = Volatile.Read(ref entry.Hash);
            var after = Volatile.Read(ref entry.Version);
            if (unit is null)
            {
                break;
            }

            // The stored string hash is compared first, so a miss never dereferences another unit's string (a cache miss
            // each); the ordinal comparison then makes a hit exact.
            if (code == home && (before & 1) == 0 && before == after && string.Equals(unit, unitId, StringComparison.Ordinal))
            {
                hash = stored;
                return true;
            }
        }

        hash = 0;
        return false;
    }

    public void Add(string unitId, int home, ulong hash)
    {
        var probe = 0;
        while (probe < Window && Volatile.Read(ref _entries[(home + probe) & _mask].Unit) is not null)
        {
            probe++;
        }

        if (probe == Window)
        {
            // A plain increment: writers racing here may pick the same victim, which only costs a cache entry.
            probe = _victim++ & (Window - 1);
        }

        ref var entry = ref _entries[(home + probe) & _mask];
        var version = Volatile.Read(ref entry.Version);
        if ((version & 1) != 0 || Interlocked.CompareExchange(ref entry.Version, unchecked(version + 1), version) != version)
        {
            return;
        }

        Volatile.Write(ref entry.Code, home);
        Volatile.Write(ref entry.Unit, unitId);
        Volatile.Write(ref entry.Hash, hash);
        Volatile.Write(ref entry.Version, unchecked(version + 2));
    }

    private struct Entry
    {
        public int Version;
        public int Code;
        public string? Unit;
        public ulong Hash;
    }
}
