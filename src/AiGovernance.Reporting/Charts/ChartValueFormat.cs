namespace AiGovernance.Reporting.Charts;

/// <summary>How a chart writes its values on ticks and tooltips.</summary>
public enum ChartValueFormat
{
    /// <summary>Plain numbers with the report's significant digits.</summary>
    Number = 0,

    /// <summary>Rates in [0, 1] written as percentages.</summary>
    Percent = 1,
}
