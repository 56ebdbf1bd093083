using AiGovernance.Deployment.Bucketing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Deployment.Tests.Bucketing;

public class StableBucketingTests
{
    public static TheoryData<int> VectorIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Reference.Load("bucketing_vectors.json").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void Fraction_MatchesPythonHashlibVectors(int index)
    {
        var vector = Reference.Load("bucketing_vectors.json")[index];
        var unitId = vector.GetProperty("unitId").GetString()!;
        var salt = vector.GetProperty("salt").GetString()!;

        Assert.Equal(ulong.Parse(vector.GetProperty("hash64").GetString()!, System.Globalization.CultureInfo.InvariantCulture), StableBucketing.Hash64(unitId, salt));
        Assert.Equal(vector.GetProperty("fraction").GetDouble(), StableBucketing.Fraction(unitId, salt));
        Assert.Equal(vector.GetProperty("subBucket").GetInt32(), StableBucketing.SubBucket(unitId, salt));
    }

    [Fact]
    public void Fraction_KnownValue_UserOneRolloutA()
    {
        // sha256("user-1\nrollout-a")[:8] little-endian = 14077248417824464123 (see TestData/bucketing_vectors.py).
        Assert.Equal(0.7631291658611707, StableBucketing.Fraction("user-1", "rollout-a"));
    }

    [Fact]
    public void Fraction_SaltChangesTheAssignment()
    {
        Assert.NotEqual(StableBucketing.Fraction("user-1", "rollout-a"), StableBucketing.Fraction("user-1", "rollout-b"));
    }

    [Fact]
    public void Fraction_NullArguments_NameTheArgument()
    {
        Assert.Equal("unitId", Assert.Throws<ArgumentNullException>(() => StableBucketing.Fraction(null!, "s")).ParamName);
        Assert.Equal("salt", Assert.Throws<ArgumentNullException>(() => StableBucketing.Fraction("u", null!)).ParamName);
    }

    [Fact]
    public void IsInCandidate_FractionOutsideUnitInterval_NamesArgument()
    {
        Assert.Equal("trafficFraction", Assert.Throws<ArgumentOutOfRangeException>(() => StableBucketing.IsInCandidate("u", "s", 1.5)).ParamName);
        Assert.Equal("trafficFraction", Assert.Throws<ArgumentOutOfRangeException>(() => StableBucketing.IsInCandidate("u", "s", double.NaN)).ParamName);
    }

    [Fact]
    public void Ramp_UnitsInTheCanaryAtFivePercentStayInAtEveryLargerStage()
    {
        double[] stages = [0.05, 0.25, 0.5, 1.0];
        for (var i = 0; i < 20_000; i++)
        {
            var unit = "user-" + i;
            var wasIn = false;
            foreach (var stage in stages)
            {
                var isIn = StableBucketing.IsInCandidate(unit, "ramp", stage);
                Assert.True(isIn || !wasIn, $"{unit} left the canary when traffic rose to {stage}");
                wasIn = isIn;
            }

            Assert.True(wasIn, "every unit is in the candidate at 100%");
        }
    }

    [Property]
    public Property Fraction_IsInUnitIntervalAndDeterministic(NonNull<string> unitId, NonNull<string> salt)
    {
        var first = StableBucketing.Fraction(unitId.Get, salt.Get);
        var second = StableBucketing.Fraction(unitId.Get, salt.Get);
        return (first >= 0.0 && first < 1.0 && first == second).ToProperty();
    }

    [Property]
    public Property Ramp_IsMonotonic(NonNull<string> unitId, NormalFloat a, NormalFloat b)
    {
        var low = Math.Min(Frac(a.Get), Frac(b.Get));
        var high = Math.Max(Frac(a.Get), Frac(b.Get));
        return (!StableBucketing.IsInCandidate(unitId.Get, "p", low) || StableBucketing.IsInCandidate(unitId.Get, "p", high)).ToProperty();

        static double Frac(double x) => Math.Abs(x) % 1.0;
    }

    [Fact]
    public void Fraction_AllocatesNothingForShortIds()
    {
        double sum = 0;
        var allocated = Allocations.OfSteadyStatePass(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                sum += StableBucketing.Fraction("user-123456789", "checkout-rollout");
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(sum > 0);
    }

    [Fact]
    public void Fraction_LongIdsBeyondTheStackLimit_MatchTheContract()
    {
        var unit = new string('q', StableBucketing.MaxStackLength * 4);
        var bytes = System.Text.Encoding.UTF8.GetBytes(unit + "\nsalt");
        var digest = System.Security.Cryptography.SHA256.HashData(bytes);
        var expected = BitConverter.ToUInt64(digest, 0) / 18446744073709551616.0;
        Assert.Equal(expected, StableBucketing.Fraction(unit, "salt"));
    }
}
