using System.Diagnostics;
using System.Globalization;
using AiGovernance.Monitoring.Columnar;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Parquet;
using Parquet;
using Parquet.Schema;

// The columnar drift benchmark of issue 27 (benchmarks/columnar-drift.sh runs it; not part of CI).
//   generate DIR ROWS COLUMNS   writes DIR/reference.parquet and DIR/current.parquet
//   run DIR                     one complete drift report over both files; prints time, CPU time, peak RSS and the verdict
//   phases DIR                  every column on one thread: CPU and wall time of read / fit / compare per column kind
//   profile DIR FIELD           the same steps for one column
var inv = CultureInfo.InvariantCulture;
switch (args.FirstOrDefault())
{
    case "generate":
        var dir = args[1];
        var rows = int.Parse(args[2], inv);
        var columns = int.Parse(args[3], inv);
        var watch = Stopwatch.StartNew();
        await Generator.WriteAsync(Path.Combine(dir, "reference.parquet"), rows, columns, seed: 1, shifted: false);
        await Generator.WriteAsync(Path.Combine(dir, "current.parquet"), rows, columns, seed: 2, shifted: true);
        Console.WriteLine(string.Create(inv, $"generated {rows} rows x {columns} columns per side in {watch.Elapsed.TotalSeconds:F1} s"));
        break;
    case "run":
        var folder = args[1];
        var clock = Stopwatch.StartNew();
        await using (var reference = await ParquetColumnarSource.OpenAsync(Path.Combine(folder, "reference.parquet")))
        await using (var current = await ParquetColumnarSource.OpenAsync(Path.Combine(folder, "current.parquet")))
        {
            var last = Stopwatch.StartNew();
            var progress = new Progress(p =>
            {
                if (p.CompletedColumns % 50 == 0 || p.CompletedColumns == p.TotalColumns)
                {
                    Console.Error.WriteLine(string.Create(inv, $"  {p.CompletedColumns}/{p.TotalColumns} columns, {clock.Elapsed.TotalSeconds:F0} s"));
                }
            });
            var report = await new ColumnarDriftRunner().RunAsync(reference, current, progress);
            clock.Stop();
            File.WriteAllText(Path.Combine(folder, "drift-report.md"), report.ToMarkdown());
            Console.WriteLine(string.Create(inv,
                $"report: {report.ColumnCount} columns, {report.DriftedColumnCount} drifted, dataset drift {report.DatasetDrift}, max PSI {report.MaxPsi:F3}"));
        }

        Console.WriteLine(string.Create(inv, $"elapsed {clock.Elapsed.TotalSeconds:F1} s"));
        // CPU time of the whole process (both cores, GC included): what a loaded machine does not inflate, so a run beside
        // other work can still be read as "about cpu / 2 on a quiet 2-core machine".
        Console.WriteLine(string.Create(inv, $"cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(inv, $"peak RSS {PeakRssBytes() / (1024.0 * 1024 * 1024):F2} GiB"));
        Console.WriteLine(string.Create(inv, $"processors {Environment.ProcessorCount}, GC heap limit {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 20)} MiB"));
        break;
    case "profile":
        await Profiler.RunAsync(args[1], int.Parse(args[2], inv));
        break;
    case "phases":
        await Profiler.PhasesAsync(args[1]);
        break;
    default:
        Console.Error.WriteLine("usage: generate DIR ROWS COLUMNS | run DIR | phases DIR | profile DIR FIELD");
        return 2;
}

return 0;

static long PeakRssBytes()
{
    // VmHWM: the resident set's high-water mark of this process, as the kernel counts it.
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
        }
    }

    return Process.GetCurrentProcess().PeakWorkingSet64;
}

internal sealed class Progress(Action<DriftProgress> report) : IProgress<DriftProgress>
{
    public void Report(DriftProgress value) => report(value);
}

/// <summary>Realistic, compressible data: values rounded to three significant digits, two thirds continuous numeric columns
/// (normal, log-normal, uniform), one sixth low-cardinality integers, one sixth categorical text (5 to 60 categories),
/// about 2% missing in every fifth column; the current side shifts every third column a little.</summary>
internal static class Generator
{
    private const int RowGroupRows = 500_000;

    public static async Task WriteAsync(string path, int rows, int columns, long seed, bool shifted)
    {
        // Columns with missing values are nullable; the others are declared required, as a real pipeline's would be.
        var fields = Enumerable.Range(0, columns).Select(c => Kind(c) == 2
            ? new DataField($"col{c:D4}", typeof(string))
            : new DataField($"col{c:D4}", c % 5 == 0 ? typeof(double?) : typeof(double))).ToArray();
        var plain = new double[RowGroupRows];
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        var numbers = new double?[RowGroupRows];
        var labels = new string?[RowGroupRows];
        var vocabulary = Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, 5 + (c % 56)).Select(k => $"c{c}-v{k}").ToArray()).ToArray();
        for (var start = 0; start < rows; start += RowGroupRows)
        {
            var count = Math.Min(RowGroupRows, rows - start);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < columns; c++)
            {
                var random = new SplitMix64(seed * 1_000_003 + c * 7_919 + start);
                var missing = c % 5 == 0 ? 0.02 : 0;
                var shift = shifted && c % 3 == 0 ? 0.05 : 0;
                if (Kind(c) == 2)
                {
                    var words = vocabulary[c];
                    for (var r = 0; r < count; r++)
                    {
                        var u = random.Uniform();
                        labels[r] = random.Uniform() < missing ? null : words[(int)(Math.Pow(u, 1 + shift * 4) * words.Length)];
                    }

                    await group.WriteAsync(fields[c], new ArraySegment<string?>(labels, 0, count)!, null);
                    continue;
                }

                for (var r = 0; r < count; r++)
                {
                    double value = Kind(c) == 1
                        ? Math.Floor(random.Uniform() * (4 + (c % 7)) + shift * 2 * random.Uniform())
                        : (c % 3) switch
                        {
                            0 => Round3(10 * (random.Normal() + shift)),
                            1 => Round3(Math.Exp(random.Normal() * 0.5 + shift)),
                            _ => Round3(100 * random.Uniform() + shift * 20),
                        };
                    numbers[r] = random.Uniform() < missing ? null : value;
                    plain[r] = value;
                }

                if (fields[c].IsNullable)
                {
                    await group.WriteAsync<double>(fields[c], numbers.AsMemory(0, count), null, null);
                }
                else
                {
                    await group.WriteAsync<double>(fields[c], plain.AsMemory(0, count), null, null);
                }
            }
        }
    }

    /// <summary>0: continuous, 1: low-cardinality integers, 2: categorical text (a third of the columns are 1 or 2).</summary>
    private static int Kind(int column) => (column % 6) switch { 4 => 1, 5 => 2, _ => 0 };

    private static double Round3(double value)
    {
        if (value == 0)
        {
            return 0;
        }

        var digits = 2 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return digits >= 0 ? Math.Round(value, Math.Min(digits, 15)) : Math.Round(value / Math.Pow(10, -digits)) * Math.Pow(10, -digits);
    }

    private struct SplitMix64(long seed)
    {
        private ulong _state = unchecked((ulong)seed);

        public double Uniform()
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        public double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());
    }
}

/// <summary>Times the steps of one column: reading it from both files, fitting, comparing.</summary>
internal static class Profiler
{
    public static async Task RunAsync(string folder, int field)
    {
        await using var reference = await ParquetColumnarSource.OpenAsync(Path.Combine(folder, "reference.parquet"));
        await using var current = await ParquetColumnarSource.OpenAsync(Path.Combine(folder, "current.parquet"));
        var watch = Stopwatch.StartNew();
        var name = reference.Fields[field].Name;
        var r = await ReadAsync(reference, field);
        var c = await ReadAsync(current, field);
        Console.WriteLine($"{name}: read both sides {watch.ElapsedMilliseconds} ms");
        var detector = new DataDriftDetector();
        watch.Restart();
        var fitted = detector.Fit(r);
        Console.WriteLine($"{name}: fit {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        var report = detector.Compare(fitted, c);
        Console.WriteLine($"{name}: compare {watch.ElapsedMilliseconds} ms ({report.Columns[0].Method})");
    }

    /// <summary>Every column, one at a time on one thread: read (both sides), fit, compare; process CPU time and wall time
    /// per phase and column kind, so a loaded machine's figures can still be scaled (CPU time is what the load does not
    /// inflate).</summary>
    public static async Task PhasesAsync(string folder)
    {
        await using var reference = await ParquetColumnarSource.OpenAsync(Path.Combine(folder, "reference.parquet"));
        await using var current = await ParquetColumnarSource.OpenAsync(Path.Combine(folder, "current.parquet"));
        var detector = new DataDriftDetector();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = new Dictionary<string, double>();
        var wall = new Dictionary<string, double>();
        void Add(string key, TimeSpan c, TimeSpan w)
        {
            cpu[key] = cpu.GetValueOrDefault(key) + c.TotalSeconds;
            wall[key] = wall.GetValueOrDefault(key) + w.TotalSeconds;
        }

        for (var f = 0; f < reference.Fields.Count; f++)
        {
            var kind = reference.Fields[f].Kind == AiGovernance.Statistics.ColumnKind.Numeric ? (f % 6 == 4 ? "integer" : "numeric") : "categorical";
            process.Refresh();
            var c0 = process.TotalProcessorTime;
            var w = Stopwatch.StartNew();
            var r = await ReadAsync(reference, f);
            var c = await ReadAsync(current, f);
            process.Refresh();
            var c1 = process.TotalProcessorTime;
            Add($"read {kind}", c1 - c0, w.Elapsed);
            w.Restart();
            var fitted = detector.Fit(r);
            process.Refresh();
            var c2 = process.TotalProcessorTime;
            Add($"fit {kind}", c2 - c1, w.Elapsed);
            w.Restart();
            detector.Compare(fitted, c);
            process.Refresh();
            Add($"compare {kind}", process.TotalProcessorTime - c2, w.Elapsed);
        }

        Console.WriteLine($"load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var key in cpu.Keys.Order())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key,-22} cpu {cpu[key],8:F2} s   wall {wall[key],8:F2} s"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-22} cpu {cpu.Values.Sum(),8:F2} s   wall {wall.Values.Sum(),8:F2} s"));
    }

    private static async Task<AiGovernance.Monitoring.Data.TabularData> ReadAsync(IColumnarSource source, int field)
    {
        var builder = AiGovernance.Monitoring.Data.TabularData.CreateBuilder();
        var at = 0;
        if (source.Fields[field].Kind == AiGovernance.Statistics.ColumnKind.Numeric)
        {
            var values = new double[source.RowCount];
            for (var g = 0; g < source.RowGroupCount; g++)
            {
                at += await source.ReadNumericAsync(field, g, values.AsMemory(at), default);
            }

            return builder.AddNumeric(source.Fields[field].Name, values).Build();
        }

        var labels = new string?[source.RowCount];
        for (var g = 0; g < source.RowGroupCount; g++)
        {
            at += await source.ReadCategoricalAsync(field, g, labels.AsMemory(at), default);
        }

        return builder.AddCategorical(source.Fields[field].Name, labels).Build();
    }
}
