// .NET side of benchmarks/compare-scipy.sh: reads the float64 inputs written by benchmarks/compare/scipy_side.py,
// times the same workloads (best of --repeat after one warm-up run, Stopwatch), checks the results against the
// SciPy JSON (--scipy) and prints one JSON object.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Statistics;

const int Columns = 100;
const int Rows = 100_000;
const int Windows = 10;
const double RelativeTolerance = 1e-7; // tests/AiGovernance.Statistics.Tests/Reference.cs
const double AbsoluteTolerance = 1e-9;
const double PsiRelativeTolerance = 1e-9;

string? work = null;
string? scipyPath = null;
var repeat = 5;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--work": work = args[++i]; break;
        case "--scipy": scipyPath = args[++i]; break;
        case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: throw new ArgumentException($"unknown argument {args[i]}", nameof(args));
    }
}

if (work is null)
{
    throw new ArgumentException("--work is required", nameof(args));
}

var a = Read(Path.Combine(work, "a.f64"));
var b = Read(Path.Combine(work, "b.f64"));
var colsRef = Read(Path.Combine(work, "cols_ref.f64"));
var colsCur = Read(Path.Combine(work, "cols_cur.f64"));
if (colsRef.Length != Columns * Rows || colsCur.Length != Columns * Rows)
{
    throw new InvalidDataException("column files must hold 100 x 100,000 float64 values");
}

var timings = new JsonObject();
var results = new JsonObject();

var (tKs, ks) = BestOf(repeat, () => KolmogorovSmirnov.TwoSample(a, b, Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic));
timings["ks_1m"] = tKs;
results["ks_1m"] = new JsonArray(ks.Statistic, ks.PValue);

var (tMwu, mwu) = BestOf(repeat, () => MannWhitney.Test(a, b));
timings["mwu_1m"] = tMwu;
results["mwu_1m"] = new JsonArray(mwu.U, mwu.PValue);

var (tCvm, cvm) = BestOf(repeat, () => CramerVonMises.TwoSample(a, b));
timings["cvm_1m"] = tCvm;
results["cvm_1m"] = new JsonArray(cvm.Statistic, cvm.PValue);

var (tPsi, psi) = BestOf(repeat, () => PopulationStabilityIndex.Compute(a, b));
timings["psi_1m"] = tPsi;
results["psi_1m"] = psi;

var batchOut = new (double D, double P, double Psi)[Columns];
var (tBatch, _) = BestOf(repeat, () =>
{
    Parallel.For(0, Columns, i =>
    {
        var r = colsRef.AsSpan(i * Rows, Rows);
        var c = colsCur.AsSpan(i * Rows, Rows);
        var k = KolmogorovSmirnov.TwoSample(r, c, Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic);
        batchOut[i] = (k.Statistic, k.PValue, PopulationStabilityIndex.Compute(r, c));
    });
    return 0;
});
timings["batch_100x100k"] = tBatch;
var batchJson = new JsonArray();
for (var i = 0; i < 3; i++)
{
    batchJson.Add(new JsonArray(batchOut[i].D, batchOut[i].P, batchOut[i].Psi));
}

results["batch_100x100k"] = batchJson;

// Fitted reference: each reference column sorted once, then 10 windows of KS + PSI against it.
var fitted = new SortedSample[Columns];
var (tFit, _) = BestOf(repeat, () =>
{
    Parallel.For(0, Columns, i => fitted[i] = SortedSample.Create(colsRef.AsSpan(i * Rows, Rows)));
    return 0;
});
var fittedOut = new (double D, double P, double Psi)[Columns];
void Window() => Parallel.For(0, Columns, i =>
{
    var c = colsCur.AsSpan(i * Rows, Rows);
    var k = KolmogorovSmirnov.TwoSample(fitted[i], c, Alternative.TwoSided, KolmogorovSmirnovMethod.Asymptotic);
    fittedOut[i] = (k.Statistic, k.PValue, PopulationStabilityIndex.Compute(fitted[i], c));
});
Window();
var (tWindows, allocatedPerWindow) = BestOf(repeat, () =>
{
    var before = GC.GetTotalAllocatedBytes(precise: true);
    for (var w = 0; w < Windows; w++)
    {
        Window();
    }

    return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Windows;
});
timings["fitted_fit"] = tFit;
timings["fitted_10_windows"] = tWindows;
timings["fitted_total"] = tFit + tWindows;
var fittedSame = true;
for (var i = 0; i < Columns; i++)
{
    fittedSame &= fittedOut[i] == batchOut[i];
}

var output = new JsonObject
{
    ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    ["processors"] = Environment.ProcessorCount,
    ["repeat"] = repeat,
    ["timings"] = timings,
    ["results"] = results,
    ["fitted"] = new JsonObject
    {
        ["windows"] = Windows,
        ["allocated_bytes_per_window"] = allocatedPerWindow,
        ["current_data_bytes_per_window"] = (double)Columns * Rows * sizeof(double),
        ["results_equal_unfitted_batch"] = fittedSame,
    },
};

if (scipyPath is not null)
{
    var scipy = JsonNode.Parse(File.ReadAllText(scipyPath))!["results"]!;
    var checks = new JsonObject();
    var worst = 0.0;
    bool Close(double expected, double actual, double rtol, double atol)
    {
        var dev = Math.Abs(actual - expected);
        worst = Math.Max(worst, expected == 0 ? dev : dev / Math.Abs(expected));
        return dev <= atol + (rtol * Math.Abs(expected));
    }

    var ksExp = scipy["ks_1m"]!.AsArray();
    checks["ks_1m"] = Close((double)ksExp[0]!, ks.Statistic, RelativeTolerance, AbsoluteTolerance)
        && Close((double)ksExp[1]!, ks.PValue, RelativeTolerance, AbsoluteTolerance);
    var mwuExp = scipy["mwu_1m"]!.AsArray();
    checks["mwu_1m"] = Close((double)mwuExp[0]!, mwu.U, RelativeTolerance, AbsoluteTolerance)
        && Close((double)mwuExp[1]!, mwu.PValue, RelativeTolerance, AbsoluteTolerance);
    var cvmExp = scipy["cvm_1m"]!.AsArray();
    checks["cvm_1m"] = Close((double)cvmExp[0]!, cvm.Statistic, RelativeTolerance, AbsoluteTolerance)
        && Close((double)cvmExp[1]!, cvm.PValue, RelativeTolerance, AbsoluteTolerance);
    checks["psi_1m"] = Close((double)scipy["psi_1m"]!, psi, PsiRelativeTolerance, 0);
    var batchOk = true;
    var batchExp = scipy["batch_100x100k"]!.AsArray();
    for (var i = 0; i < batchExp.Count; i++)
    {
        var row = batchExp[i]!.AsArray();
        batchOk &= Close((double)row[0]!, batchOut[i].D, RelativeTolerance, AbsoluteTolerance)
            & Close((double)row[1]!, batchOut[i].P, RelativeTolerance, AbsoluteTolerance)
            & Close((double)row[2]!, batchOut[i].Psi, PsiRelativeTolerance, 0);
    }

    checks["batch_100x100k"] = batchOk;
    checks["fitted_total"] = batchOk && fittedSame;
    checks["max_relative_deviation"] = worst;
    output["agreement"] = checks;
}

Console.WriteLine(output.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

static double[] Read(string path) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();

static (double Seconds, T Result) BestOf<T>(int repeat, Func<T> body)
{
    var result = body(); // warm-up (JIT, tiering, pools)
    var best = double.PositiveInfinity;
    for (var i = 0; i < repeat; i++)
    {
        var sw = Stopwatch.StartNew();
        result = body();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }

    return (best, result);
}
