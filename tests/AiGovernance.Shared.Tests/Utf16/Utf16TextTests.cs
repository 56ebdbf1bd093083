using AiGovernance.Shared;

namespace AiGovernance.Shared.Tests.Utf16;

public sealed class Utf16TextTests
{
    [Fact]
    public void IndexOfLoneSurrogate_WellFormedTextWithAPair_IsMinusOne() =>
        Assert.Equal(-1, Utf16Text.IndexOfLoneSurrogate("naïve 😀 text"));

    [Fact]
    public void IndexOfLoneSurrogate_FindsTheFirstLoneSurrogate()
    {
        // Built in code: theory data would not carry a lone surrogate through serialization.
        Assert.Equal(2, Utf16Text.IndexOfLoneSurrogate("ab" + '\uD800'));
        Assert.Equal(0, Utf16Text.IndexOfLoneSurrogate('\uDC00' + "ab"));
        Assert.Equal(1, Utf16Text.IndexOfLoneSurrogate("a" + '\uD800' + "b" + '\uDC00'));
    }

    [Fact]
    public void ThrowIfMalformed_LoneSurrogate_NamesTheArgumentAndPosition()
    {
        var ex = Assert.Throws<ArgumentException>(() => Utf16Text.ThrowIfMalformed("x\uDC00", "column name", "name"));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("U+DC00 ", ex.Message.Replace(")", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("position 1", ex.Message, StringComparison.Ordinal);
    }
}
