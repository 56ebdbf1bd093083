namespace AiGovernance.Statistics.Tests.Multivariate;

public class PrincipalComponentModelTests
{
    [Fact]
    public void ReconstructionErrors_MatchNumpyEigh_BothComputationPaths()
    {
        foreach (var c in MultivariateData.Section("pca").EnumerateArray())
        {
            var columns = c.GetProperty("columns").GetInt32();
            var model = PrincipalComponentModel.Fit(c.Ds("reference"), columns, c.D("explained"));
            Assert.Equal(c.GetProperty("components").GetInt32(), model.ComponentCount);
            Reference.AssertClose(c.D("ratio"), model.ExplainedVarianceRatio, c.Name() + " ratio");
            var variances = c.Ds("variances");
            for (var k = 0; k < columns; k++)
            {
                Reference.AssertClose(variances[k], model.ComponentVariances[k], c.Name() + $" variance {k}", atol: 1e-12);
            }

            var window = c.Ds("window");
            var expected = c.Ds("errors");
            var errors = new double[expected.Length];
            model.ReconstructionErrors(window, errors);
            for (var i = 0; i < expected.Length; i++)
            {
                Reference.AssertClose(expected[i], errors[i], c.Name() + $" error {i}");
                Reference.AssertClose(expected[i], model.ReconstructionError(window.AsSpan(i * columns, columns)), c.Name() + $" single error {i}");
            }

            Reference.AssertClose(c.D("meanError"), model.MeanReconstructionError(window), c.Name() + " mean");
        }
    }

    [Fact]
    public void CorrelationFlip_RaisesTheError_WhileEveryMarginalStays()
    {
        var reference = MultivariateData.Correlated(5000, 0.8, 3, seed: 1);
        var model = PrincipalComponentModel.Fit(reference, 5, 0.65);
        var same = model.MeanReconstructionError(MultivariateData.Correlated(1000, 0.8, 3, seed: 2));
        var flipped = model.MeanReconstructionError(MultivariateData.Correlated(1000, -0.8, 3, seed: 3));
        Assert.True(flipped > same * 1.2, $"flipped {flipped} vs unchanged {same}");
    }

    [Fact]
    public void FitComponents_KeepsTheRequestedNumber_AndAllComponentsReconstructExactly()
    {
        var rows = MultivariateData.Normal(200, 4, seed: 9);
        var all = PrincipalComponentModel.FitComponents(rows, 4, 4);
        Assert.Equal(4, all.ComponentCount);
        Assert.Equal(1.0, all.ExplainedVarianceRatio, 12);
        Assert.True(all.MeanReconstructionError(rows) < 1e-12);
        Assert.Equal(2, PrincipalComponentModel.FitComponents(rows, 4, 2).ComponentCount);
    }

    [Fact]
    public void Project_ScoresAndErrorSplitTheStandardisedNorm()
    {
        var rows = MultivariateData.Correlated(400, 0.7, 3, seed: 12);
        var model = PrincipalComponentModel.FitComponents(rows, 5, 2);
        var row = MultivariateData.Correlated(1, -0.7, 3, seed: 13);
        Span<double> scores = stackalloc double[2];
        model.Project(row, scores);
        double norm = 0;
        for (var c = 0; c < 5; c++)
        {
            var z = (row[c] - model.Means[c]) / model.Scales[c];
            norm += z * z;
        }

        var error = model.ReconstructionError(row);
        Assert.Equal(norm, (scores[0] * scores[0]) + (scores[1] * scores[1]) + (error * error), 10);
        Assert.Throws<ArgumentException>(() => model.Project(row, new double[1]));
    }

    [Fact]
    public void Means_AndScales_AreTheReferencePopulationMoments()
    {
        var model = PrincipalComponentModel.Fit([1, 10, 3, 10, 5, 10], 2, 0.9);
        Assert.Equal([3.0, 10.0], model.Means);
        Assert.Equal(Math.Sqrt(8.0 / 3), model.Scales[0], 14);
        Assert.Equal(1.0, model.Scales[1]);
    }

    [Theory]
    [InlineData(0, 40)] // the first block
    [InlineData(120, 40)] // a middle block
    [InlineData(263, 37)] // the last rows
    public void FitComponentsExcluding_EqualsFitComponentsOnACopyOfTheOtherRows_BitForBit(int start, int count)
    {
        var rows = MultivariateData.Correlated(300, 0.6, 7, seed: 31);
        const int d = 9;
        var others = rows[..(start * d)].Concat(rows[((start + count) * d)..]).ToArray();
        var copied = PrincipalComponentModel.FitComponents(others, d, 4);
        var excluded = PrincipalComponentModel.FitComponentsExcluding(rows, d, 4, start, count);
        Assert.Equal(copied.Means.Select(BitConverter.DoubleToInt64Bits), excluded.Means.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(copied.Scales.Select(BitConverter.DoubleToInt64Bits), excluded.Scales.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(copied.ComponentVariances.Select(BitConverter.DoubleToInt64Bits), excluded.ComponentVariances.Select(BitConverter.DoubleToInt64Bits));
        var block = rows.AsSpan(start * d, count * d);
        Assert.Equal(BitConverter.DoubleToInt64Bits(copied.MeanReconstructionError(block)), BitConverter.DoubleToInt64Bits(excluded.MeanReconstructionError(block)));
    }

    [Theory]
    [InlineData(23, 150, 37)] // tiles of 16 entries, one vector of 4, a scalar tail of 3; two full blocks of 64 rows and a partial one
    [InlineData(139, 70, 64)] // the drift job's width; the second part starts exactly at a block boundary
    [InlineData(3, 5, 0)] // narrower than a vector; all rows in the second part
    public void CrossProducts_BlockedAcrossRows_EqualRowByRowAccumulation_BitForBit(int d, int rows, int firstRows)
    {
        var data = MultivariateData.Normal(rows, d, seed: 41, shift: 3);
        var means = new double[d];
        for (var c = 0; c < d; c++)
        {
            means[c] = data.Where((_, i) => i % d == c).Average();
        }

        // The accumulation as it was written before blocking: every row's products added to the whole triangle.
        var expected = new double[d * d];
        var centred = new double[d];
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < d; c++)
            {
                centred[c] = data[(i * d) + c] - means[c];
            }

            for (var p = 0; p < d; p++)
            {
                RowKernels.AddScaled(expected.AsSpan((p * d) + p, d - p), centred.AsSpan(p), centred[p]);
            }
        }

        var actual = new double[d * d];
        PrincipalComponentModel.AddCrossProducts(actual, data.AsSpan(0, firstRows * d), data.AsSpan(firstRows * d), means);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void FitComponentsExcluding_BlockOutsideTheRows_OrTooFewLeft_Throws()
    {
        var rows = MultivariateData.Normal(10, 2, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalComponentModel.FitComponentsExcluding(rows, 2, 1, -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalComponentModel.FitComponentsExcluding(rows, 2, 1, 8, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalComponentModel.FitComponentsExcluding(rows, 2, 3, 0, 2));
        var tooFew = Assert.Throws<ArgumentException>(() => PrincipalComponentModel.FitComponentsExcluding(rows, 2, 1, 1, 9));
        Assert.Contains("fewer than the 2 rows", tooFew.Message, StringComparison.Ordinal);
        rows[5] = double.NaN;
        var nan = Assert.Throws<ArgumentException>(() => PrincipalComponentModel.FitComponentsExcluding(rows, 2, 1, 2, 3));
        Assert.Contains("Row 2, column 1", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalComponentModel.Fit([1, 2, 3, 4], 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalComponentModel.FitComponents([1, 2, 3, 4], 2, 3));
        Assert.Throws<ArgumentException>(() => PrincipalComponentModel.Fit([1, 2], 2, 0.5));
        var model = PrincipalComponentModel.Fit([1, 2, 3, 5, 4, 4], 2, 0.5);
        Assert.Throws<ArgumentException>(() => model.ReconstructionError([1, 2, 3]));
        var nan = Assert.Throws<ArgumentException>(() => model.MeanReconstructionError([1, 2, 3, double.NaN]));
        Assert.Contains("Row 1, column 1", nan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => model.ReconstructionErrors([1, 2, 3, 4], new double[1]));
    }
}
