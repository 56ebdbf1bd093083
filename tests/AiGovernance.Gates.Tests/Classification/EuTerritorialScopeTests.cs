using AiGovernance.Gates.Classification;

namespace AiGovernance.Gates.Tests.Classification;

public class EuTerritorialScopeTests
{
    [Theory]
    [InlineData("DE", RegionScope.InScope)]
    [InlineData("EL", RegionScope.InScope)]
    [InlineData("NO", RegionScope.InScope)]
    [InlineData("AX", RegionScope.InScope)]
    [InlineData("MF", RegionScope.InScope)]
    [InlineData("PT-20", RegionScope.InScope)]
    [InlineData("ES-ML", RegionScope.InScope)]
    [InlineData("US", RegionScope.OutOfScope)]
    [InlineData("FO", RegionScope.OutOfScope)]
    [InlineData("BL", RegionScope.OutOfScope)]
    [InlineData("SJ", RegionScope.OutOfScope)]
    [InlineData("CH-ZH", RegionScope.OutOfScope)]
    [InlineData("DEU", RegionScope.Unknown)]
    [InlineData("global", RegionScope.Unknown)]
    [InlineData("QQ", RegionScope.Unknown)]
    [InlineData(null, RegionScope.Unknown)]
    [InlineData("  ", RegionScope.Unknown)]
    public void Classify_ReadsTheCode(string? region, RegionScope expected) => Assert.Equal(expected, EuTerritorialScope.Classify(region));

    [Fact]
    public void IsInScope_EmptyListIsUnknownAndInScope() => Assert.True(EuTerritorialScope.IsInScope([]));

    [Fact]
    public void IsInScope_OnlyWhenEveryRegionIsRecognisedAndOutside_IsFalse()
    {
        Assert.False(EuTerritorialScope.IsInScope(["US", "GB", "JP"]));
        Assert.True(EuTerritorialScope.IsInScope(["US", "GB", "RE"]));
        Assert.True(EuTerritorialScope.IsInScope(["US", "Europe"]));
    }

    [Fact]
    public void EveryIsoAlpha2Code_IsRecognised()
    {
        // ISO 3166-1 as shipped by Debian iso-codes 4.15.0: 249 codes, each either in or out, none unknown.
        const string codes = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA "
            + "CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH "
            + "GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA "
            + "LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU "
            + "NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC "
            + "TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";
        var all = codes.Split(' ');
        Assert.Equal(249, all.Length);
        Assert.All(all, c => Assert.NotEqual(RegionScope.Unknown, EuTerritorialScope.Classify(c)));
        Assert.Equal(37, all.Count(c => EuTerritorialScope.Classify(c) == RegionScope.InScope));   // 27 + IS LI NO + 6 outermost + AX
    }
}
