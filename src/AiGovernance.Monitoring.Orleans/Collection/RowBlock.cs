namespace AiGovernance.Monitoring.Orleans.Collection;

/// <summary>A fixed block of recorded rows: the request path claims a slot with one atomic increment and writes the row;
/// the background fold seals the block, waits for the writers it admitted, reads the rows and recycles the block.</summary>
/// <remarks>
/// <para><b>Epochs.</b> <see cref="_claimed"/> only grows. A block's current epoch starts at <see cref="_base"/>; a writer's
/// slot is its claim minus the base it read before claiming. Sealing adds a gap far larger than the capacity to the claim
/// counter, so every later claim (a writer that read the block before it was swapped out) lands beyond the capacity and is
/// refused; recycling moves the base past the gap. A writer therefore never writes into a slot of an epoch it was not
/// admitted to, without locks and without allocation.</para>
/// </remarks>
internal sealed class RowBlock
{
    private const long SealGap = 1L << 40;

    private readonly int _numericWidth;
    private readonly int _categoricalWidth;
    private long _claimed;
    private long _base;
    private int _committed;

    public RowBlock(int capacity, int numericWidth, int categoricalWidth)
    {
        Capacity = capacity;
        _numericWidth = numericWidth;
        _categoricalWidth = categoricalWidth;
        Numbers = new double[capacity * numericWidth];
        Labels = new string?[capacity * categoricalWidth];
        Windows = new long[capacity];
    }

    public int Capacity { get; }

    public double[] Numbers { get; }

    public string?[] Labels { get; }

    public long[] Windows { get; }

    /// <summary>Rows claimed in the current epoch (may exceed the capacity once full or sealed).</summary>
    public long ClaimedInEpoch => Volatile.Read(ref _claimed) - Volatile.Read(ref _base);

    /// <summary>Claims a slot; -1 when the block is full or no longer accepting rows.</summary>
    public int TryClaim()
    {
        var epoch = Volatile.Read(ref _base);
        var slot = Interlocked.Increment(ref _claimed) - 1 - epoch;
        return slot < Capacity ? (int)slot : -1;
    }

    /// <summary>Writes a claimed row and makes it visible to the fold.</summary>
    public void Write(int slot, long window, ReadOnlySpan<double> numbers, ReadOnlySpan<string?> labels)
    {
        Windows[slot] = window;
        numbers.CopyTo(Numbers.AsSpan(slot * _numericWidth, _numericWidth));
        labels.CopyTo(Labels.AsSpan(slot * _categoricalWidth, _categoricalWidth));
        Interlocked.Increment(ref _committed);
    }

    /// <summary>Stops admitting writers and waits for those admitted; returns the number of rows (background only).</summary>
    public int Seal()
    {
        var claimed = Interlocked.Add(ref _claimed, SealGap) - SealGap - Volatile.Read(ref _base);
        var rows = (int)Math.Min(claimed, Capacity);
        var spin = default(SpinWait);
        while (Volatile.Read(ref _committed) != rows)
        {
            spin.SpinOnce();
        }

        return rows;
    }

    /// <summary>Starts a new epoch after the rows were read (background only).</summary>
    public void Recycle(int rows)
    {
        Array.Clear(Labels, 0, rows * _categoricalWidth);
        Volatile.Write(ref _committed, 0);
        Volatile.Write(ref _base, Volatile.Read(ref _claimed));
    }
}
