using System.Runtime.InteropServices;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>Large column arrays the kernel may back with transparent huge pages (Linux), for the CSV reader.</summary>
/// <remarks>
/// <para>The reader fills about 50 arrays of 4–8 MB (one per column and file at 1M rows) row by row, so each row touches a
/// page of every column: with 4 KiB pages that is one page fault per 4 KiB written (92,000 faults to read two 1M × 25
/// files, about 11 µs each on the benchmark's virtual machine) and a TLB miss per cell. An array of at least
/// <see cref="MinimumBytes"/> is therefore allocated pinned (so its address stays put) and its whole 2 MiB-aligned
/// interior is marked <c>madvise(MADV_HUGEPAGE)</c> before anything is written to it; where transparent huge pages are
/// enabled for such requests (<c>/sys/kernel/mm/transparent_hugepage/enabled</c> set to <c>madvise</c> or
/// <c>always</c>), it is backed by 2 MiB pages. Reading the benchmark's files went from 92,600 to 42,200 page faults and
/// from 6.4–6.7 to 5.7 CPU seconds (benchmarks/results/drift-job.md).</para>
/// <para>The array is an ordinary zeroed array either way: the advice changes only how the memory is paged, never its
/// contents, and is skipped on other systems, for smaller arrays, and when the call fails. Pinned arrays live in the
/// pinned object heap, which is not compacted; the reader's arrays live as long as the job's data anyway.</para>
/// </remarks>
internal static partial class HugePageArray
{
    /// <summary>Arrays below this size are allocated as usual (a huge page could not fit in their aligned interior).</summary>
    public const long MinimumBytes = 4L << 20;

    private const long HugePage = 2L << 20;

    private const int MadviseHugePage = 14;

    /// <summary>A zeroed array of <paramref name="length"/> elements, advised for huge pages when large (see the remarks).</summary>
    /// <typeparam name="T">An unmanaged element type.</typeparam>
    /// <param name="length">The number of elements, at least 0.</param>
    /// <returns>The array.</returns>
    public static T[] Allocate<T>(int length)
        where T : unmanaged
    {
        var bytes = (long)length * Marshal.SizeOf<T>();
        if (!OperatingSystem.IsLinux() || bytes < MinimumBytes)
        {
            return new T[length];
        }

        var array = GC.AllocateArray<T>(length, pinned: true);
        var start = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var first = (start + HugePage - 1) & ~(HugePage - 1);
        var end = (start + bytes) & ~(HugePage - 1);
        if (end > first)
        {
            // Advice only: a kernel without transparent huge pages answers EINVAL and the array is used as it is.
            _ = Advise(first, end - first, MadviseHugePage);
        }

        return array;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);

    private static int Advise(long address, long length, int advice)
    {
        try
        {
            return Madvise((nint)address, (nuint)length, advice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }
}
