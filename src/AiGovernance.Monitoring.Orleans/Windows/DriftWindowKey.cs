using System.Globalization;

namespace AiGovernance.Monitoring.Orleans.Windows;

/// <summary>Identifies a monitoring window: the AI system and the window's start (UTC). The window grain's key.</summary>
/// <param name="SystemId">The AI system.</param>
/// <param name="Start">The window's start, a multiple of the window length since the Unix epoch.</param>
public readonly record struct DriftWindowKey(string SystemId, DateTimeOffset Start)
{
    /// <summary>The longest system id a key holds.</summary>
    public const int MaxSystemIdLength = 200;

    /// <summary>The window of <paramref name="systemId"/> that contains <paramref name="time"/>.</summary>
    /// <param name="systemId">The AI system.</param>
    /// <param name="time">A point in time.</param>
    /// <param name="windowLength">The window length; windows start at multiples of it since 1970-01-01T00:00Z.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="systemId"/> is empty, longer than <see cref="MaxSystemIdLength"/> or
    /// holds a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowLength"/> is not positive, or <paramref name="time"/>
    /// is before the Unix epoch.</exception>
    public static DriftWindowKey For(string systemId, DateTimeOffset time, TimeSpan windowLength)
    {
        ValidateSystemId(systemId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(windowLength, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(time, DateTimeOffset.UnixEpoch);
        return new DriftWindowKey(systemId, new DateTimeOffset(StartTicks(time.UtcTicks, windowLength.Ticks), TimeSpan.Zero));
    }

    /// <summary>Parses a grain key written by <see cref="ToGrainKey"/>.</summary>
    /// <param name="grainKey">The key.</param>
    /// <returns>The window key.</returns>
    /// <exception cref="FormatException">The text is not a window key.</exception>
    public static DriftWindowKey Parse(string grainKey)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        var bar = grainKey.LastIndexOf('|');
        if (bar <= 0 || !long.TryParse(grainKey.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new FormatException($"'{grainKey}' is not a drift window key (system id, '|', start in UTC ticks).");
        }

        return new DriftWindowKey(grainKey[..bar], new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    /// <summary>The grain key: the system id, '|', and the start in UTC ticks.</summary>
    /// <returns>The key text.</returns>
    public string ToGrainKey() => string.Create(CultureInfo.InvariantCulture, $"{SystemId}|{Start.UtcTicks}");

    /// <summary>The key as people read it: system id and ISO-8601 start.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SystemId}@{Start.UtcDateTime:yyyy-MM-ddTHH:mm:ss.FFFFFFFZ}");

    internal static long StartTicks(long utcTicks, long lengthTicks)
    {
        var sinceEpoch = utcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return utcTicks - (sinceEpoch % lengthTicks);
    }

    internal static void ValidateSystemId(string systemId, string paramName = "systemId")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemId, paramName);
        if (systemId.Length > MaxSystemIdLength)
        {
            throw new ArgumentException($"The system id is longer than {MaxSystemIdLength} characters.", paramName);
        }

        foreach (var c in systemId)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The system id holds a control character.", paramName);
            }
        }
    }
}
