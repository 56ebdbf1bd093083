using System.Globalization;
using AiGovernance.Shared;

namespace AiGovernance.Shared.Tests.Formatting;

public sealed class InvariantFormatTests
{
    [Fact]
    public void Number_UnderACommaCulture_UsesAPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("0.125", InvariantFormat.Number(0.125, "F3"));
            Assert.Equal("12.5%", InvariantFormat.Percent(0.125));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Number_NaN_IsADash() => Assert.Equal(InvariantFormat.NotAvailable, InvariantFormat.Number(double.NaN));

    [Fact]
    public void Timestamp_WithAnOffset_IsWrittenInUtc() =>
        Assert.Equal("2026-01-31 10:00:00Z", InvariantFormat.Timestamp(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.FromHours(2))));

    [Fact]
    public void Date_And_Minute_AreUtc()
    {
        var at = new DateTimeOffset(2026, 1, 31, 23, 30, 0, TimeSpan.FromHours(-1));
        Assert.Equal("2026-02-01", InvariantFormat.Date(at));
        Assert.Equal("2026-02-01 00:30 UTC", InvariantFormat.Minute(at));
    }
}
