using System.Text;
using AiGovernance.Core;

namespace AiGovernance.Core.Tests.Artifacts;

public class Sha256DigestTests
{
    // FIPS 180-2 appendix B.1 and the digest of the empty string.
    private const string AbcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private const string EmptyDigest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Compute_AbcVector_MatchesFips180()
    {
        Assert.Equal(AbcDigest, Sha256Digest.Compute("abc"u8).ToString());
        Assert.Equal(EmptyDigest, Sha256Digest.Compute([]).ToString());
    }

    [Fact]
    public async Task ModelArtifact_FromStreamAndBytes_AgreeWithKnownVector()
    {
        var fromBytes = ModelArtifact.FromBytes("scorer", "1.0", "abc"u8);
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("abc"));
        var fromStream = await ModelArtifact.FromStreamAsync("scorer", "1.0", stream, TestContext.Current.CancellationToken);

        Assert.Equal(AbcDigest, fromBytes.Digest.ToString());
        Assert.Equal(fromBytes, fromStream);
        Assert.True(fromBytes.Matches("abc"u8));
        Assert.False(fromBytes.Matches("abd"u8));
    }

    [Fact]
    public void Parse_AcceptsPrefixAndUpperCase_AndRoundTrips()
    {
        var digest = Sha256Digest.Parse("sha256:" + AbcDigest.ToUpperInvariant());
        Assert.Equal(AbcDigest, digest.ToString());
        Assert.Equal(Sha256Digest.Compute("abc"u8), digest);
        Assert.True(digest == Sha256Digest.Parse(AbcDigest));
        Assert.True(digest != Sha256Digest.Compute("abd"u8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00")]
    public void TryParse_RejectsNonDigests(string text)
    {
        Assert.False(Sha256Digest.TryParse(text, out var digest));
        Assert.True(digest.IsEmpty);
        Assert.Throws<FormatException>(() => Sha256Digest.Parse(text));
    }

    [Fact]
    public void FromBytes_WrongLength_NamesArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => Sha256Digest.FromBytes(new byte[31]));
        Assert.Equal("digest", ex.ParamName);
    }

    [Fact]
    public void ModelArtifact_EmptyDigestOrName_Rejected()
    {
        Assert.Equal("digest", Assert.Throws<ArgumentException>(() => new ModelArtifact("m", "1", default)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => ModelArtifact.FromBytes(" ", "1", [])).ParamName);
    }

    [Fact]
    public void Equality_DefaultValues_EqualOnlyEachOther()
    {
        Assert.Equal(default, default(Sha256Digest));
        Assert.NotEqual(default, Sha256Digest.Compute([]));
        Assert.False(default(Sha256Digest).Equals(new byte[32]));
    }
}
