namespace AiGovernance.Statistics;

/// <summary>The 2 × 2 confusion counts of one group.</summary>
internal struct ConfusionCounts
{
    public long TruePositives;
    public long FalsePositives;
    public long FalseNegatives;
    public long TrueNegatives;

    public readonly long Count => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public readonly long Selected => TruePositives + FalsePositives;

    public void Add(bool actual, bool predicted)
    {
        if (predicted)
        {
            if (actual)
            {
                TruePositives++;
            }
            else
            {
                FalsePositives++;
            }
        }
        else if (actual)
        {
            FalseNegatives++;
        }
        else
        {
            TrueNegatives++;
        }
    }
}
