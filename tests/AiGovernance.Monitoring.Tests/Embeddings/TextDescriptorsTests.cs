using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Embeddings;

namespace AiGovernance.Monitoring.Tests.Embeddings;

public class TextDescriptorsTests
{
    [Fact]
    public void Describe_CountsScalarValues_UnknownWords_AndNonLetters()
    {
        var descriptors = new TextDescriptors(["reset", "my", "password"]);
        var table = descriptors.Describe(["Reset my password!", "rEsEt 2FA now 🙂", "   ", null], "prompt");

        var length = ((NumericColumn)table["prompt.length"]).Values.ToArray();
        var oov = ((NumericColumn)table["prompt.oov_share"]).Values.ToArray();
        var nonLetter = ((NumericColumn)table["prompt.non_letter_share"]).Values.ToArray();

        Assert.Equal([18.0, 15.0, 3.0], length[..3]);                  // the emoji is one scalar value (two UTF-16 units)
        Assert.Equal(0.0, oov[0]);
        Assert.Equal(2.0 / 3, oov[1], 14);                             // "reset" known; "2fa" and "now" not
        Assert.True(double.IsNaN(oov[2]));                             // no words
        Assert.Equal(1.0 / 16, nonLetter[0], 14);                      // "!" of 16 visible characters
        Assert.Equal(2.0 / 12, nonLetter[1], 14);                      // "2" and the emoji of 12
        Assert.True(double.IsNaN(nonLetter[2]));
        Assert.True(double.IsNaN(length[3]) && double.IsNaN(oov[3]) && double.IsNaN(nonLetter[3]));
    }

    [Fact]
    public void FromReference_KeepsWordsSeenOftenEnough()
    {
        var descriptors = TextDescriptors.FromReference(["the invoice is late", "The invoice", null, "refund"], minimumCount: 2);
        Assert.Equal(2, descriptors.VocabularySize);                  // "the" and "invoice"
    }

    [Fact]
    public void Descriptors_FeedTheColumnDriftDetector_AndShowAFormatShift()
    {
        var reference = Enumerable.Range(0, 400).Select(i => $"please reset the password for account {i % 7}").ToArray();
        var current = Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? "```sql SELECT * FROM users;``` ???" : $"please reset the password for account {i % 7}").ToArray();
        var descriptors = TextDescriptors.FromReference(reference);
        var detector = new DataDriftDetector();
        var report = detector.Compare(detector.Fit(descriptors.Describe(reference)), descriptors.Describe(current));

        Assert.True(report.Columns.Single(c => c.Column == "text.oov_share").IsDrifted);
        Assert.True(report.Columns.Single(c => c.Column == "text.non_letter_share").IsDrifted);
    }

    [Fact]
    public void LoneSurrogate_CountsAsOneCharacter_AndNeverThrows()
    {
        var table = new TextDescriptors([]).Describe(["a\ud800b"]);
        Assert.Equal(3.0, ((NumericColumn)table["text.length"]).Values.Span[0]);
    }

    [Fact]
    public void AddTo_PutsTheColumnsNextToOthers()
    {
        var builder = TabularData.CreateBuilder().AddNumeric("latency_ms", new double[] { 120, 340 });
        var table = new TextDescriptors(["hi"]).AddTo(builder, ["hi", "hello there"], "reply").Build();
        Assert.Equal(["latency_ms", "reply.length", "reply.oov_share", "reply.non_letter_share"], table.Columns.Select(c => c.Name));
    }
}
