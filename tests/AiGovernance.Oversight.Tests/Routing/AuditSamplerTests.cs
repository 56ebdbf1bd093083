using AiGovernance.Oversight.Routing;

namespace AiGovernance.Oversight.Tests.Routing;

public class AuditSamplerTests
{
    private const int Cases = 100_000;

    private static bool[] Select(AuditSampler sampler)
    {
        var selected = new bool[Cases];
        for (var i = 0; i < Cases; i++)
        {
            selected[i] = sampler.IsSelected($"case-{i}");
        }

        return selected;
    }

    [Fact]
    public void IsSelected_Over100000Cases_RateWithinTolerance()
    {
        var count = Select(new AuditSampler(0.05, "period-2026-11")).Count(s => s);

        // Binomial(100000, 0.05): sd = 68.9; ±4 sd keeps the test deterministic-safe for any salt.
        Assert.InRange(count, 5_000 - 276, 5_000 + 276);
    }

    [Fact]
    public void IsSelected_SameSalt_Reproducible()
    {
        Assert.Equal(Select(new AuditSampler(0.05, "period-2026-11")), Select(new AuditSampler(0.05, "period-2026-11")));
    }

    [Fact]
    public void IsSelected_DifferentSalt_DifferentSelection()
    {
        var a = Select(new AuditSampler(0.05, "period-2026-11"));
        var b = Select(new AuditSampler(0.05, "period-2026-12"));
        var both = a.Zip(b).Count(p => p.First && p.Second);

        Assert.NotEqual(a, b);
        // Independent 5% samples overlap on about 0.25% of cases (250), not on the whole 5%.
        Assert.InRange(both, 150, 350);
    }

    [Fact]
    public void SamplingValue_KnownCase_MatchesSha256OfSaltSeparatorAndId()
    {
        // Python: int.from_bytes(hashlib.sha256(b"salt\x1fcase-42").digest()[:8], "big") >> 11) / 2**53
        var bytes = System.Security.Cryptography.SHA256.HashData("salt\u001fcase-42"u8);
        var expected = (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 11) / 9007199254740992.0;

        Assert.Equal(expected, new AuditSampler(0.05, "salt").SamplingValue("case-42"));
    }

    [Fact]
    public void IsSelected_RateZeroAndOne_NoneAndAll()
    {
        Assert.DoesNotContain(true, Select(new AuditSampler(0, "s")).Take(1000));
        Assert.DoesNotContain(false, Select(new AuditSampler(1, "s")).Take(1000));
    }

    [Fact]
    public void IsSelected_LongCaseId_UsesPooledBufferAndStaysStable()
    {
        var sampler = new AuditSampler(0.5, "s");
        var id = new string('x', 5_000) + "é";
        Assert.Equal(sampler.SamplingValue(id), sampler.SamplingValue(id));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Constructor_RateOutOfRange_NamesArgument(double rate) =>
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => new AuditSampler(rate, "s")).ParamName);

    [Fact]
    public void Constructor_EmptySalt_NamesArgument() =>
        Assert.Equal("salt", Assert.Throws<ArgumentException>(() => new AuditSampler(0.05, "")).ParamName);
}
