using AiGovernance.Deployment.Recording;
using AiGovernance.Deployment.Routing;

namespace AiGovernance.Deployment.Tests.Recording;

public class VariantRecorderTests
{
    [Fact]
    public async Task Record_FourThreadsTimes250000_TotalsAreExact()
    {
        var recorder = new VariantRecorder(stripes: 4);
        const int perThread = 250_000;
        var ct = TestContext.Current.CancellationToken;
        var tasks = new Task[4];
        for (var t = 0; t < tasks.Length; t++)
        {
            var seed = t;
            tasks[t] = Task.Factory.StartNew(() =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    recorder.Record(TimeSpan.FromTicks((i % 5000) + seed), isError: i % 10 == 0);
                }
            }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        // Snapshots taken during recording must stay consistent (errors never exceed requests).
        while (!Task.WhenAll(tasks).IsCompleted)
        {
            var partial = recorder.Snapshot();
            Assert.True(partial.Errors <= partial.Requests);
        }

        await Task.WhenAll(tasks);
        var snapshot = recorder.Snapshot();
        Assert.Equal(1_000_000, snapshot.Requests);
        Assert.Equal(100_000, snapshot.Errors);
        Assert.Equal(0.1, snapshot.ErrorRate);
    }

    [Fact]
    public async Task Snapshot_DuringRecording_CountsEveryRequestWhole()
    {
        // Failed requests all take 7 ticks, successful ones 1000: in every snapshot, however it interleaves with the
        // writers, the error count must equal the requests counted in the 7-tick bucket (a request's error and its
        // latency are one increment, never read apart).
        var recorder = new VariantRecorder(stripes: 4);
        var ct = TestContext.Current.CancellationToken;
        var tasks = new Task[4];
        for (var t = 0; t < tasks.Length; t++)
        {
            tasks[t] = Task.Factory.StartNew(() =>
            {
                for (var i = 0; i < 200_000; i++)
                {
                    var failed = i % 3 == 0;
                    recorder.Record(TimeSpan.FromTicks(failed ? 7 : 1000), failed);
                }
            }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var snapshots = 0;
        var previous = VariantSnapshot.Empty;
        while (!Task.WhenAll(tasks).IsCompleted || snapshots == 0)
        {
            var snapshot = recorder.Snapshot();
            Assert.Equal(snapshot.Latency.BucketCounts[7], snapshot.Errors);
            Assert.True(snapshot.Requests >= previous.Requests && snapshot.Errors >= previous.Errors, "totals only grow");
            previous = snapshot;
            snapshots++;
        }

        await Task.WhenAll(tasks);
        var final = recorder.Snapshot();
        Assert.Equal(800_000, final.Requests);
        Assert.Equal(4 * 66_667, final.Errors);
    }

    [Fact]
    public void Record_AllocatesNothingAndMemoryStaysFixed()
    {
        var recorder = new VariantRecorder();
        recorder.Record(TimeSpan.FromMilliseconds(1));

        var allocated = Allocations.OfSteadyStatePass(() =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                recorder.Record(TimeSpan.FromTicks(i * 37L), (i & 63) == 0);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void RecordWithSubBucket_AllocatesNothing()
    {
        var recorder = new VariantRecorder();

        var allocated = Allocations.OfSteadyStatePass(() =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                recorder.Record(i & 4095, TimeSpan.FromTicks(i * 37L), (i & 63) == 0);
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void RecordWithSubBucket_CountsRequestsAndErrorsPerSubBucket()
    {
        var recorder = new VariantRecorder(stripes: 2);
        for (var i = 0; i < 10; i++)
        {
            recorder.Record(5, TimeSpan.FromMilliseconds(3), isError: i < 4);
        }

        recorder.Record(4095, TimeSpan.FromMilliseconds(3), isError: false);
        recorder.Record(TimeSpan.FromMilliseconds(3), isError: true);

        var snapshot = recorder.Snapshot();
        Assert.Equal(12, snapshot.Requests);
        Assert.Equal(5, snapshot.Errors);
        Assert.Equal(10, snapshot.SubBuckets.Requests[5]);
        Assert.Equal(4, snapshot.SubBuckets.Errors[5]);
        Assert.Equal(1, snapshot.SubBuckets.Requests[4095]);
        Assert.Equal(11, snapshot.SubBuckets.TotalRequests);
        Assert.Equal(4, snapshot.SubBuckets.TotalErrors);
    }

    [Fact]
    public async Task RecordWithSubBucket_SnapshotsDuringRecording_NeverShowMoreErrorsThanRequestsInASubBucket()
    {
        var recorder = new VariantRecorder(stripes: 4);
        var ct = TestContext.Current.CancellationToken;
        var tasks = new Task[4];
        for (var t = 0; t < tasks.Length; t++)
        {
            tasks[t] = Task.Factory.StartNew(() =>
            {
                for (var i = 0; i < 200_000; i++)
                {
                    recorder.Record(i % 64, TimeSpan.FromTicks(100), isError: i % 2 == 0);
                }
            }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        do
        {
            var snapshot = recorder.Snapshot();
            for (var k = 0; k < 64; k++)
            {
                Assert.True(snapshot.SubBuckets.Errors[k] <= snapshot.SubBuckets.Requests[k]);
            }
        }
        while (!Task.WhenAll(tasks).IsCompleted);

        await Task.WhenAll(tasks);
        var final = recorder.Snapshot();
        Assert.Equal(800_000, final.SubBuckets.TotalRequests);
        Assert.Equal(400_000, final.SubBuckets.TotalErrors);
        Assert.Equal(12_500, final.SubBuckets.Requests[63]);
    }

    [Fact]
    public void Snapshot_MergeAndSubtract_CarryTheSubBuckets()
    {
        var pod1 = new VariantRecorder(1);
        var pod2 = new VariantRecorder(1);
        pod1.Record(3, TimeSpan.FromMilliseconds(1), isError: true);
        var earlier = pod1.Snapshot();
        pod1.Record(3, TimeSpan.FromMilliseconds(1), isError: false);
        pod2.Record(3, TimeSpan.FromMilliseconds(1), isError: true);

        var merged = pod1.Snapshot().Merge(pod2.Snapshot());
        var since = pod1.Snapshot().Subtract(earlier);

        Assert.Equal((3L, 2L), (merged.SubBuckets.Requests[3], merged.SubBuckets.Errors[3]));
        Assert.Equal((1L, 0L), (since.SubBuckets.Requests[3], since.SubBuckets.Errors[3]));
        Assert.Equal("earlier", Assert.Throws<ArgumentException>(() => earlier.Subtract(pod1.Snapshot())).ParamName);
    }

    [Fact]
    public void RecordWithSubBucket_OutOfRange_NamesArgument()
    {
        var recorder = new VariantRecorder(1);
        Assert.Equal("subBucket", Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Record(4096, TimeSpan.Zero, false)).ParamName);
        Assert.Equal("subBucket", Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Record(-1, TimeSpan.Zero, false)).ParamName);
        Assert.Equal("latency", Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Record(0, TimeSpan.FromTicks(-1), false)).ParamName);
    }

    [Fact]
    public void Record_NegativeLatency_NamesArgument()
    {
        var recorder = new VariantRecorder();
        Assert.Equal("latency", Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Record(TimeSpan.FromTicks(-1))).ParamName);
    }

    [Fact]
    public void Constructor_StripesOutOfRange_NamesArgument()
    {
        Assert.Equal("stripes", Assert.Throws<ArgumentOutOfRangeException>(() => new VariantRecorder(0)).ParamName);
        Assert.Equal(8, new VariantRecorder(5).StripeCount);
    }

    [Fact]
    public void Snapshot_MergeOfTwoPods_EqualsOneRecorderOfAllTraffic()
    {
        var podA = new VariantRecorder(2);
        var podB = new VariantRecorder(2);
        var whole = new VariantRecorder(1);
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var latency = TimeSpan.FromMicroseconds(random.Next(1, 2_000_000));
            var error = random.NextDouble() < 0.03;
            (i % 3 == 0 ? podA : podB).Record(latency, error);
            whole.Record(latency, error);
        }

        var merged = podA.Snapshot().Merge(podB.Snapshot());
        var expected = whole.Snapshot();
        Assert.Equal(expected.Requests, merged.Requests);
        Assert.Equal(expected.Errors, merged.Errors);
        Assert.True(expected.Latency.BucketCounts.SequenceEqual(merged.Latency.BucketCounts));
    }

    [Fact]
    public void Snapshot_Subtract_GivesTheTrafficSinceTheEarlierSnapshot()
    {
        var recorder = new VariantRecorder();
        for (var i = 0; i < 100; i++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(10), i < 5);
        }

        var stageStart = recorder.Snapshot();
        for (var i = 0; i < 50; i++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(200), i < 10);
        }

        var window = recorder.Snapshot().Subtract(stageStart);
        Assert.Equal(50, window.Requests);
        Assert.Equal(10, window.Errors);
        Assert.InRange(window.Latency.QuantileMilliseconds(0.5), 200 * (1 - LatencyHistogramSnapshot.MaxRelativeError), 200 * (1 + LatencyHistogramSnapshot.MaxRelativeError));
        Assert.Equal("earlier", Assert.Throws<ArgumentException>(() => stageStart.Subtract(recorder.Snapshot())).ParamName);
    }

    [Fact]
    public void CanaryRecorder_RecordsAnAssignmentInItsArmAndSubBucket()
    {
        var recorder = new CanaryRecorder();
        var router = new CanaryRouter("assign", 0.5);
        var assignment = router.Assign("customer-42");
        recorder.Record(assignment, TimeSpan.FromMilliseconds(5), isError: true);

        var arm = assignment.Variant == DeploymentVariant.Candidate ? recorder.Snapshot().Candidate : recorder.Snapshot().Baseline;
        Assert.Equal(1, arm.SubBuckets.Errors[assignment.SubBucket]);
        Assert.Equal("assignment", Assert.Throws<ArgumentOutOfRangeException>(
            () => recorder.Record(new CanaryAssignment((DeploymentVariant)7, 0), TimeSpan.Zero, false)).ParamName);
    }

    [Fact]
    public void CanaryRecorder_RoutesRecordsToTheVariant()
    {
        var recorder = new CanaryRecorder();
        recorder.Record(DeploymentVariant.Baseline, TimeSpan.FromMilliseconds(5));
        recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(5), isError: true);
        recorder.Record(DeploymentVariant.Candidate, TimeSpan.FromMilliseconds(5));
        var snapshot = recorder.Snapshot();
        Assert.Equal(1, snapshot.Baseline.Requests);
        Assert.Equal(0, snapshot.Baseline.Errors);
        Assert.Equal(2, snapshot.Candidate.Requests);
        Assert.Equal(0.5, snapshot.Candidate.ErrorRate);
        Assert.Equal("variant", Assert.Throws<ArgumentOutOfRangeException>(() => recorder.Record((DeploymentVariant)7, TimeSpan.Zero)).ParamName);
    }
}
