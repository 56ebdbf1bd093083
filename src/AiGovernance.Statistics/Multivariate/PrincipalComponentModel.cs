using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;

namespace AiGovernance.Statistics;

/// <summary>Standardisation and principal components fitted on a reference, used to measure how well new rows are
/// reconstructed from the reference's main directions of variation (multivariate drift, as NannyML's data
/// reconstruction drift).</summary>
/// <remarks>
/// <para><b>Fit:</b> each column is standardised with the reference's mean and population standard deviation (a constant
/// column keeps scale 1, so any later change of it shows up as error); the d × d covariance of the standardised rows is
/// decomposed by MathNet's SVD (for a symmetric positive semi-definite matrix its singular vectors are the principal
/// axes and its singular values the variances along them), and the leading components are kept until their share of
/// the total variance reaches the requested explained variance (or a fixed number of components).</para>
/// <para><b>Reconstruction error</b> of a row x: with z its standardised form and V the kept components,
/// e(x) = ‖z − VVᵀz‖₂, the Euclidean distance between the row and its reconstruction in standardised units. When more
/// than half of the components are kept it is computed, equivalently, as the norm of z's coordinates on the dropped
/// components (min(k, d − k)·d multiply-adds per row instead of 2kd). A row that follows the reference's correlation
/// structure has a small error; a row that breaks it (for example two features that used to rise together now
/// moving in opposite directions, each marginal unchanged) has a large one.</para>
/// <para><b>Complexity:</b> fitting O(n·d² + d³); errors O(min(k, d − k)·d) per row, vectorised, no allocation per row.
/// Immutable and thread-safe after fitting.</para>
/// </remarks>
public sealed class PrincipalComponentModel
{
    /// <summary>Rows centred and accumulated together by the cross-product pass.</summary>
    private const int CrossBlockRows = 64;

    private readonly double[] _means;
    private readonly double[] _scales;

    // Row-major d × d: every principal axis, largest variance first. Errors use the kept axes (rows 0..k − 1) or, when
    // they are fewer, the dropped ones (rows k..d − 1).
    private readonly double[] _axes;
    private readonly int _basisStart;
    private readonly int _basisRows;
    private readonly bool _basisIsDropped;

    private PrincipalComponentModel(double[] means, double[] scales, double[] variances, double[] axes, int columns, int components)
    {
        _means = means;
        _scales = scales;
        Columns = columns;
        ComponentCount = components;
        ComponentVariances = new ReadOnlyCollection<double>(variances);
        double total = 0, kept = 0;
        for (var i = 0; i < variances.Length; i++)
        {
            total += variances[i];
            kept += i < components ? variances[i] : 0;
        }

        ExplainedVarianceRatio = total > 0 ? kept / total : 1.0;
        _axes = axes;
        _basisIsDropped = components > columns - components;
        _basisRows = _basisIsDropped ? columns - components : components;
        _basisStart = _basisIsDropped ? components : 0;
    }

    /// <summary>The number of columns (values per row).</summary>
    public int Columns { get; }

    /// <summary>The number of components kept.</summary>
    public int ComponentCount { get; }

    /// <summary>The share of the reference's total standardised variance carried by the kept components, in (0, 1].</summary>
    public double ExplainedVarianceRatio { get; }

    /// <summary>The variance along every principal axis, largest first (the covariance's singular values); d values.</summary>
    public IReadOnlyList<double> ComponentVariances { get; }

    /// <summary>The reference's column means.</summary>
    public IReadOnlyList<double> Means => new ReadOnlyCollection<double>(_means);

    /// <summary>The reference's column population standard deviations (1 for a constant column).</summary>
    public IReadOnlyList<double> Scales => new ReadOnlyCollection<double>(_scales);

    /// <summary>Fits standardisation and the components needed to explain a share of the variance.</summary>
    /// <param name="rows">The reference, row-major: <paramref name="columns"/> values per row; at least 2 rows.</param>
    /// <param name="columns">Values per row; at least 1.</param>
    /// <param name="explainedVariance">Keep the fewest leading components whose variance share reaches this, in (0, 1].
    /// NannyML's default is 0.65.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is not a whole number of rows, has fewer than 2 rows, or holds NaN or an
    /// infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is below 1 or <paramref name="explainedVariance"/> is not in (0,
    /// 1].</exception>
    public static PrincipalComponentModel Fit(ReadOnlySpan<double> rows, int columns, double explainedVariance)
    {
        if (!(explainedVariance > 0 && explainedVariance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(explainedVariance), explainedVariance, "The explained variance must be in (0, 1].");
        }

        RowKernels.Rows(rows.Length, columns, nameof(rows), 2, nameof(columns));
        RowKernels.ThrowIfNotFinite(rows, columns, nameof(rows));
        return FitCore(rows, [], columns, explainedVariance, 0, nameof(rows));
    }

    /// <summary>Fits standardisation and a fixed number of leading components.</summary>
    /// <param name="rows">The reference, row-major: <paramref name="columns"/> values per row; at least 2 rows.</param>
    /// <param name="columns">Values per row; at least 1.</param>
    /// <param name="components">The number of components to keep, in [1, <paramref name="columns"/>].</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is not a whole number of rows, has fewer than 2 rows, or holds NaN or an
    /// infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is below 1 or <paramref name="components"/> is not in [1,
    /// columns].</exception>
    public static PrincipalComponentModel FitComponents(ReadOnlySpan<double> rows, int columns, int components)
    {
        if (columns >= 1 && (components < 1 || components > columns))
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"The number of components must be between 1 and {columns}.");
        }

        RowKernels.Rows(rows.Length, columns, nameof(rows), 2, nameof(columns));
        RowKernels.ThrowIfNotFinite(rows, columns, nameof(rows));
        return FitCore(rows, [], columns, double.NaN, components, nameof(rows));
    }

    /// <summary>Fits standardisation and a fixed number of leading components on every row except a contiguous block
    /// (leave-block-out, for scoring that block out of sample), without copying the other rows.</summary>
    /// <param name="rows">The rows, row-major: <paramref name="columns"/> values per row.</param>
    /// <param name="columns">Values per row; at least 1.</param>
    /// <param name="components">The number of components to keep, in [1, <paramref name="columns"/>].</param>
    /// <param name="excludedStart">The first row of the block left out.</param>
    /// <param name="excludedCount">The number of rows left out; at least 2 rows must remain.</param>
    /// <returns>The model fitted on the remaining rows: equal, bit for bit, to <see cref="FitComponents"/> on a copy of them
    /// in their order (the same sums in the same order).</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is not a whole number of rows, leaves fewer than 2 rows, or
    /// holds NaN or an infinity (anywhere, the block included).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is below 1, <paramref name="components"/> is not in
    /// [1, columns], or the block is not within the rows.</exception>
    public static PrincipalComponentModel FitComponentsExcluding(
        ReadOnlySpan<double> rows, int columns, int components, int excludedStart, int excludedCount)
    {
        if (columns >= 1 && (components < 1 || components > columns))
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"The number of components must be between 1 and {columns}.");
        }

        var n = RowKernels.Rows(rows.Length, columns, nameof(rows), 0, nameof(columns));
        if (excludedStart < 0 || excludedStart > n)
        {
            throw new ArgumentOutOfRangeException(nameof(excludedStart), excludedStart, $"The block must start within the {n} rows.");
        }

        if (excludedCount < 0 || excludedCount > n - excludedStart)
        {
            throw new ArgumentOutOfRangeException(
                nameof(excludedCount), excludedCount, $"The block starting at row {excludedStart} must end within the {n} rows.");
        }

        if (n - excludedCount < 2)
        {
            throw new ArgumentException($"Leaving out {excludedCount} of {n} rows leaves fewer than the 2 rows a fit needs.", nameof(rows));
        }

        RowKernels.ThrowIfNotFinite(rows, columns, nameof(rows));
        return FitCore(rows[..(excludedStart * columns)], rows[((excludedStart + excludedCount) * columns)..], columns, double.NaN, components,
            nameof(rows));
    }

    /// <summary>The fit over the rows of <paramref name="first"/> followed by those of <paramref name="second"/> (validated by
    /// the caller: whole rows, at least 2 in all, finite).</summary>
    private static PrincipalComponentModel FitCore(ReadOnlySpan<double> first, ReadOnlySpan<double> second, int columns, double explainedVariance,
        int components, string paramName)
    {
        var n = (first.Length + second.Length) / columns;
        var means = new double[columns];
        var scales = new double[columns];
        AddRows(means, first, columns);
        AddRows(means, second, columns);
        for (var c = 0; c < columns; c++)
        {
            means[c] /= n;
        }

        // Centred cross products, accumulated row by row into the upper triangle (two passes: stable for large offsets).
        var cross = new double[columns * columns];
        AddCrossProducts(cross, first, second, means);

        foreach (var v in cross)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException(
                    "The columns' cross products overflow a double (values near ±1e154 or beyond); rescale the data.", paramName);
            }
        }

        for (var c = 0; c < columns; c++)
        {
            var sd = Math.Sqrt(cross[(c * columns) + c] / n);
            scales[c] = sd > 0 ? sd : 1.0;
        }

        var covariance = Matrix<double>.Build.Dense(columns, columns);
        for (var p = 0; p < columns; p++)
        {
            for (var q = p; q < columns; q++)
            {
                var v = cross[(p * columns) + q] / n / (scales[p] * scales[q]);
                covariance[p, q] = v;
                covariance[q, p] = v;
            }
        }

        var svd = covariance.Svd(computeVectors: true);
        var variances = svd.S.ToArray();
        var axes = new double[columns * columns];
        for (var k = 0; k < columns; k++)
        {
            for (var c = 0; c < columns; c++)
            {
                axes[(k * columns) + c] = svd.U[c, k];
            }
        }

        if (components == 0)
        {
            double total = 0;
            foreach (var v in variances)
            {
                total += v;
            }

            components = columns;
            double running = 0;
            for (var k = 0; k < columns; k++)
            {
                running += variances[k];
                if (total <= 0 || running / total >= explainedVariance - 1e-12)
                {
                    components = k + 1;
                    break;
                }
            }
        }

        return new PrincipalComponentModel(means, scales, variances, axes, columns, components);
    }

    // The fit's loops are compiled optimised from the first call: a job fits 21 models within its first seconds, before the
    // tiered JIT promotes them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddRows(double[] sums, ReadOnlySpan<double> rows, int columns)
    {
        for (var i = 0; i < rows.Length; i += columns)
        {
            RowKernels.AddScaled(sums, rows.Slice(i, columns), 1.0);
        }
    }

    /// <summary>Adds every row's centred cross products to the upper triangle: cross[p, q] += c_p·c_q for q ≥ p, row after
    /// row. The rows are centred a block at a time and each entry then takes the block's products in row order while it
    /// stays in a register (four vectors of entries at once), instead of the whole triangle being read and written back
    /// for every row: the same additions of the same products in the same order as one row at a time, so the same
    /// bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddCrossProducts(double[] cross, ReadOnlySpan<double> first, ReadOnlySpan<double> second, double[] means)
    {
        var columns = means.Length;
        var block = new double[CrossBlockRows * columns];
        var filled = CentreRows(cross, block, first, means, 0);
        filled = CentreRows(cross, block, second, means, filled);
        if (filled > 0)
        {
            AccumulateBlock(cross, block, filled, columns);
        }
    }

    /// <summary>Centres the rows of <paramref name="rows"/> into the block after the <paramref name="filled"/> already
    /// there, accumulating each full block; returns how many rows the block holds at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CentreRows(double[] cross, double[] block, ReadOnlySpan<double> rows, double[] means, int filled)
    {
        var columns = means.Length;
        for (var i = 0; i < rows.Length; i += columns)
        {
            var row = rows.Slice(i, columns);
            var centred = block.AsSpan(filled * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                centred[c] = row[c] - means[c];
            }

            if (++filled == CrossBlockRows)
            {
                AccumulateBlock(cross, block, filled, columns);
                filled = 0;
            }
        }

        return filled;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateBlock(double[] cross, double[] block, int rows, int columns)
    {
        ref var pb = ref MemoryMarshal.GetArrayDataReference(block);
        ref var pc = ref MemoryMarshal.GetArrayDataReference(cross);
        for (var p = 0; p < columns; p++)
        {
            var q = p;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; q + 16 <= columns; q += 16)
                {
                    ref var target = ref Unsafe.Add(ref pc, (p * columns) + q);
                    var a0 = Vector256.LoadUnsafe(ref target);
                    var a1 = Vector256.LoadUnsafe(ref target, 4);
                    var a2 = Vector256.LoadUnsafe(ref target, 8);
                    var a3 = Vector256.LoadUnsafe(ref target, 12);
                    for (var r = 0; r < rows; r++)
                    {
                        ref var source = ref Unsafe.Add(ref pb, (r * columns) + q);
                        var f = Vector256.Create(Unsafe.Add(ref pb, (r * columns) + p));
                        a0 += f * Vector256.LoadUnsafe(ref source);
                        a1 += f * Vector256.LoadUnsafe(ref source, 4);
                        a2 += f * Vector256.LoadUnsafe(ref source, 8);
                        a3 += f * Vector256.LoadUnsafe(ref source, 12);
                    }

                    a0.StoreUnsafe(ref target);
                    a1.StoreUnsafe(ref target, 4);
                    a2.StoreUnsafe(ref target, 8);
                    a3.StoreUnsafe(ref target, 12);
                }

                for (; q + 4 <= columns; q += 4)
                {
                    ref var target = ref Unsafe.Add(ref pc, (p * columns) + q);
                    var a0 = Vector256.LoadUnsafe(ref target);
                    for (var r = 0; r < rows; r++)
                    {
                        var f = Vector256.Create(Unsafe.Add(ref pb, (r * columns) + p));
                        a0 += f * Vector256.LoadUnsafe(ref Unsafe.Add(ref pb, (r * columns) + q));
                    }

                    a0.StoreUnsafe(ref target);
                }
            }

            for (; q < columns; q++)
            {
                var sum = cross[(p * columns) + q];
                for (var r = 0; r < rows; r++)
                {
                    sum += block[(r * columns) + p] * block[(r * columns) + q];
                }

                cross[(p * columns) + q] = sum;
            }
        }
    }

    /// <summary>The reconstruction error ‖z − VVᵀz‖₂ of one row in standardised units.</summary>
    /// <param name="row">The row; <see cref="Columns"/> finite values.</param>
    /// <returns>The error ≥ 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="row"/> does not have <see cref="Columns"/> values or holds NaN or an infinity.</exception>
    public double ReconstructionError(ReadOnlySpan<double> row)
    {
        if (row.Length != Columns)
        {
            throw new ArgumentException($"The row has {row.Length} values; the model has {Columns} columns.", nameof(row));
        }

        RowKernels.ThrowIfNotFinite(row, Columns, nameof(row));
        Span<double> z = Columns <= 256 ? stackalloc double[Columns] : new double[Columns];
        return Error(row, z);
    }

    /// <summary>Writes the reconstruction error of every row.</summary>
    /// <param name="rows">Rows, row-major with <see cref="Columns"/> values each.</param>
    /// <param name="errors">Receives one error per row.</param>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is not a whole number of rows or holds NaN or an infinity,
    /// or <paramref name="errors"/> is shorter than the number of rows.</exception>
    public void ReconstructionErrors(ReadOnlySpan<double> rows, Span<double> errors)
    {
        var n = RowKernels.Rows(rows.Length, Columns, nameof(rows), 0);
        RowKernels.ThrowIfNotFinite(rows, Columns, nameof(rows));
        if (errors.Length < n)
        {
            throw new ArgumentException($"The destination holds {errors.Length} values; {n} rows need as many.", nameof(errors));
        }

        var z = new double[Columns];
        for (var i = 0; i < n; i++)
        {
            errors[i] = Error(rows.Slice(i * Columns, Columns), z);
        }
    }

    /// <summary>The mean reconstruction error of a window of rows.</summary>
    /// <param name="rows">Rows, row-major with <see cref="Columns"/> values each; at least one row.</param>
    /// <returns>The mean of the rows' errors.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is not a whole number of rows, is empty, or holds NaN or an infinity.</exception>
    public double MeanReconstructionError(ReadOnlySpan<double> rows)
    {
        var n = RowKernels.Rows(rows.Length, Columns, nameof(rows), 1);
        RowKernels.ThrowIfNotFinite(rows, Columns, nameof(rows));
        return SumErrors(rows, 0, n, new double[Columns]) / n;
    }

    /// <summary>The coordinates of a row on the kept components (its principal component scores, in standardised units).</summary>
    /// <param name="row">The row; <see cref="Columns"/> finite values.</param>
    /// <param name="scores">Receives <see cref="ComponentCount"/> scores.</param>
    /// <exception cref="ArgumentException"><paramref name="row"/> does not have <see cref="Columns"/> values or holds NaN or an
    /// infinity, or <paramref name="scores"/> is shorter than <see cref="ComponentCount"/>.</exception>
    /// <remarks>O(k·d); no allocation for up to 256 columns.</remarks>
    public void Project(ReadOnlySpan<double> row, Span<double> scores)
    {
        if (row.Length != Columns)
        {
            throw new ArgumentException($"The row has {row.Length} values; the model has {Columns} columns.", nameof(row));
        }

        if (scores.Length < ComponentCount)
        {
            throw new ArgumentException($"The destination holds {scores.Length} values; {ComponentCount} scores need as many.", nameof(scores));
        }

        RowKernels.ThrowIfNotFinite(row, Columns, nameof(row));
        Span<double> z = Columns <= 256 ? stackalloc double[Columns] : new double[Columns];
        for (var c = 0; c < Columns; c++)
        {
            z[c] = (row[c] - _means[c]) / _scales[c];
        }

        for (var k = 0; k < ComponentCount; k++)
        {
            scores[k] = RowKernels.Dot(_axes.AsSpan(k * Columns, Columns), z);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SumErrors(ReadOnlySpan<double> rows, int first, int end, double[] z)
    {
        double sum = 0;
        for (var i = first; i < end; i++)
        {
            sum += Error(rows.Slice(i * Columns, Columns), z);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Error(ReadOnlySpan<double> row, Span<double> z)
    {
        var d = Columns;
        for (var c = 0; c < d; c++)
        {
            z[c] = (row[c] - _means[c]) / _scales[c];
        }

        if (_basisIsDropped)
        {
            // ‖z − VVᵀz‖² = Σ over the dropped axes of (wᵀz)².
            double residual = 0;
            for (var k = _basisStart; k < _basisStart + _basisRows; k++)
            {
                var score = RowKernels.Dot(_axes.AsSpan(k * d, d), z);
                residual += score * score;
            }

            return Math.Sqrt(residual);
        }

        var zs = (ReadOnlySpan<double>)z;
        Span<double> scores = _basisRows <= 256 ? stackalloc double[_basisRows] : new double[_basisRows];
        for (var k = 0; k < _basisRows; k++)
        {
            scores[k] = RowKernels.Dot(_axes.AsSpan(k * d, d), zs);
        }

        for (var k = 0; k < _basisRows; k++)
        {
            RowKernels.AddScaled(z, _axes.AsSpan(k * d, d), -scores[k]);
        }

        double squares = 0;
        foreach (var v in z)
        {
            squares += v * v;
        }

        return Math.Sqrt(squares);
    }
}
