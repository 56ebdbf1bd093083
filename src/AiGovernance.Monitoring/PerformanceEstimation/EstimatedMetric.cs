namespace AiGovernance.Monitoring.PerformanceEstimation;

/// <summary>A performance metric estimated without labels.</summary>
public enum EstimatedMetric
{
    /// <summary>Share of correct decisions (classification; higher is better).</summary>
    Accuracy = 0,

    /// <summary>TP / (TP + FP) (classification; higher is better).</summary>
    Precision = 1,

    /// <summary>TP / (TP + FN), the true-positive rate (classification; higher is better).</summary>
    Recall = 2,

    /// <summary>TN / (TN + FP), the true-negative rate (classification; higher is better).</summary>
    Specificity = 3,

    /// <summary>2·TP / (2·TP + FP + FN) (classification; higher is better).</summary>
    F1 = 4,

    /// <summary>Area under the ROC curve of the scores (classification; higher is better).</summary>
    RocAuc = 5,

    /// <summary>Mean absolute error (regression; lower is better).</summary>
    MeanAbsoluteError = 6,

    /// <summary>Root mean squared error (regression; lower is better).</summary>
    RootMeanSquaredError = 7,
}
