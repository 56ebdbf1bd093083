namespace AiGovernance.Gates.Milestones;

/// <summary>The model metric a performance gate judges.</summary>
public enum PerformanceMetric
{
    /// <summary>Share of correct predictions; Wilson interval.</summary>
    Accuracy = 0,

    /// <summary>TP / (TP + FP); Wilson interval over the predicted positives.</summary>
    Precision = 1,

    /// <summary>TP / (TP + FN); Wilson interval over the actual positives.</summary>
    Recall = 2,

    /// <summary>2·TP / (2·TP + FP + FN); seeded percentile bootstrap interval.</summary>
    F1 = 3,

    /// <summary>Area under the ROC curve from scores; DeLong interval.</summary>
    Auc = 4,

    /// <summary>Mean absolute error of a regressor (lower is better); Student-t interval.</summary>
    MeanAbsoluteError = 5,

    /// <summary>Root mean squared error of a regressor (lower is better); Student-t interval on the squared error,
    /// square-rooted.</summary>
    RootMeanSquaredError = 6,
}
