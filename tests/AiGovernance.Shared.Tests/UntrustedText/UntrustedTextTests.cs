using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Untrusted = AiGovernance.Shared.UntrustedText;

namespace AiGovernance.Shared.Tests.UntrustedText;

public sealed class UntrustedTextTests
{
    [Fact]
    public void CleanShortText_IsReturnedAsIs()
    {
        const string text = "credit_score — Zürich, 東京";

        Assert.Same(text, Untrusted.Bound(text));
    }

    [Fact]
    public void TerminalEscapeSequences_AreShownAsEscapes()
    {
        // ESC [2J clears the screen, ESC ]0;…BEL retitles the terminal.
        var shown = Untrusted.Bound("a\u001b[2J\u001b]0;pwned\u0007b");

        Assert.Equal("a\\u001b[2J\\u001b]0;pwned\\u0007b", shown);
    }

    [Fact]
    public void LineBreaks_AreShownAsEscapes_SoTheTextStaysOneLine()
    {
        Assert.Equal("x\\u000d\\u000a[CRITICAL] forged\\u2028y", Untrusted.Bound("x\r\n[CRITICAL] forged\u2028y"));
    }

    [Fact]
    public void InvisibleAndBidirectionalCharacters_AreShownAsEscapes()
    {
        Assert.Equal("al\\u200bice\\u202e\\ufeff", Untrusted.Bound("al\u200Bice\u202E\uFEFF"));
    }

    [Fact]
    public void TenMegabyteLabel_IsCutWithAnEllipsisAndItsOriginalLength()
    {
        var label = new string('x', 10 * 1024 * 1024);

        var shown = Untrusted.Bound(label);

        Assert.Equal(Untrusted.DataLength, shown.Length);
        Assert.EndsWith("…(10485760 characters)", shown, StringComparison.Ordinal);
        Assert.StartsWith(new string('x', 90), shown, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactlyTheLimit_IsNotCut()
    {
        var text = new string('y', Untrusted.DataLength);

        Assert.Same(text, Untrusted.Bound(text));
    }

    [Fact]
    public void Cut_NeverSplitsAnEscape()
    {
        var shown = Untrusted.Bound(new string('\u0007', 1000), 64);

        Assert.True(shown.Length <= 64, shown);
        Assert.Matches(@"^(\\u0007)+…\(1000 characters\)$", shown);
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var shown = Untrusted.Bound(string.Concat(Enumerable.Repeat("😀", 500)), 64);

        Assert.Matches("^(😀)+…\\(1000 characters\\)$", shown);
    }

    [Fact]
    public void Bound_KeepsEmoji_ButQuoteEscapesThem()
    {
        Assert.Equal("alice😀", Untrusted.Bound("alice😀"));
        Assert.Equal("alice\\ud83d\\ude00", Untrusted.Quote("alice\uD83D\uDE00"));
    }

    [Fact]
    public void LoneSurrogates_AreEscapedEverywhere()
    {
        Assert.Equal("a\\ud800b\\udc00", Untrusted.Bound("a\uD800b\uDC00"));
    }

    [Fact]
    public void Quote_LimitsIdentifiersTo64Characters()
    {
        var shown = Untrusted.Quote(new string('n', 10_000));

        Assert.Equal(64, shown.Length);
        Assert.EndsWith("…(10000 characters)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_IsShownAsNone() => Assert.Equal("(none)", Untrusted.Bound(null));

    [Fact]
    public void LimitBelowTheMinimum_IsRaisedToIt()
    {
        var shown = Untrusted.Bound(new string('z', 100), 5);

        Assert.Equal(Untrusted.MinimumLength, shown.Length);
    }

    [Fact]
    public Task AnyText_IsBoundedAndHoldsNoHiddenCharacter_AndCleanTextIsUnchanged() =>
        Task.Run(() => Prop.ForAll(Arb.From(Gen.Choose(0, 400).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c), n))),
                Gen.Choose(0, 300).ToArbitrary(), (chars, limit) =>
                {
                    var text = new string(chars);
                    var shown = Untrusted.Bound(text, limit);
                    var bounded = shown.Length <= Math.Max(limit, Untrusted.MinimumLength);
                    var visible = shown.All(c => char.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
                        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
                        && !HasLoneSurrogate(shown);
                    var unchanged = Untrusted.NeedsCleaning(text, Math.Max(limit, Untrusted.MinimumLength)) || shown == text;
                    return bounded && visible && unchanged;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2_000).WithReplay(new Replay(new Rnd(21UL, 0x9E3779B97F4A7C15UL), null))), TestContext.Current.CancellationToken);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
