using AiGovernance.Deployment.Recording;

namespace AiGovernance.Deployment.Tests.Recording;

public class SubBucketCountsTests
{
    [Fact]
    public void FromCounts_RejectsBadCountsNamingTheIndex()
    {
        var requests = new long[4096];
        var errors = new long[4096];
        requests[9] = 2;
        errors[9] = 3;
        var error = Assert.Throws<ArgumentException>(() => SubBucketCounts.FromCounts(requests, errors));
        Assert.Equal("errors", error.ParamName);
        Assert.Contains("Sub-bucket 9", error.Message, StringComparison.Ordinal);
        Assert.Equal("requests", Assert.Throws<ArgumentException>(() => SubBucketCounts.FromCounts(new long[10], errors)).ParamName);
        errors[9] = 1;
        var counts = SubBucketCounts.FromCounts(requests, errors);
        Assert.Equal((2L, 1L), (counts.TotalRequests, counts.TotalErrors));
    }

    [Fact]
    public void FromCounts_CopiesItsInput()
    {
        var requests = new long[4096];
        var errors = new long[4096];
        requests[100] = 7;
        errors[100] = 2;

        var counts = SubBucketCounts.FromCounts(requests, errors);
        requests[100] = 1;
        errors[100] = 0;

        Assert.Equal((7L, 2L), (counts.Requests[100], counts.Errors[100]));
    }

    [Fact]
    public void MergeThenSubtract_GivesBackTheOriginalCountsAndTotals()
    {
        var a = Counts((5, 10, 1), (4095, 3, 3));
        var b = Counts((5, 2, 0), (0, 8, 4));

        var merged = a.Merge(b);
        var back = merged.Subtract(b);

        Assert.Equal((12L, 1L, 8L, 4L), (merged.Requests[5], merged.Errors[5], merged.Requests[0], merged.Errors[0]));
        Assert.Equal((23L, 8L), (merged.TotalRequests, merged.TotalErrors));
        Assert.Equal(a.Requests.ToArray(), back.Requests.ToArray());
        Assert.Equal(a.Errors.ToArray(), back.Errors.ToArray());
        Assert.Equal((13L, 4L), (back.TotalRequests, back.TotalErrors));
    }

    [Fact]
    public void Subtract_OfALaterSnapshot_NamesTheSubBucketAndArgument()
    {
        var earlier = Counts((42, 3, 1));
        var later = Counts((42, 5, 1), (7, 1, 0));

        var error = Assert.Throws<ArgumentException>(() => earlier.Subtract(later));

        Assert.Equal("earlier", error.ParamName);
        Assert.Contains("Sub-bucket 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtract_WhereErrorsWouldExceedRequests_Throws()
    {
        var earlier = Counts((42, 3, 0));
        var later = Counts((42, 4, 2));

        Assert.Equal("earlier", Assert.Throws<ArgumentException>(() => later.Subtract(earlier)).ParamName);
    }

    [Fact]
    public void Merge_BeyondLongRange_ThrowsInsteadOfWrapping()
    {
        var big = Counts((1, long.MaxValue, 0));

        Assert.Throws<OverflowException>(() => big.Merge(Counts((1, 1, 0))));
    }

    [Fact]
    public void Empty_HasNoRequestsAndNullArgumentsAreNamed()
    {
        Assert.Equal((0L, 0L), (SubBucketCounts.Empty.TotalRequests, SubBucketCounts.Empty.TotalErrors));
        Assert.Equal(4096, SubBucketCounts.Empty.Requests.Length);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => SubBucketCounts.Empty.Merge(null!)).ParamName);
        Assert.Equal("earlier", Assert.Throws<ArgumentNullException>(() => SubBucketCounts.Empty.Subtract(null!)).ParamName);
    }

    private static SubBucketCounts Counts(params (int SubBucket, long Requests, long Errors)[] cells)
    {
        var requests = new long[4096];
        var errors = new long[4096];
        foreach (var (k, r, e) in cells)
        {
            requests[k] = r;
            errors[k] = e;
        }

        return SubBucketCounts.FromCounts(requests, errors);
    }
}
