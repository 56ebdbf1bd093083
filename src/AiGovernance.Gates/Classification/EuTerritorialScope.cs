using System.Collections.Frozen;

namespace AiGovernance.Gates.Classification;

/// <summary>Reads deployment regions against the territorial scope of Union law: the Member States including their
/// outermost regions (Art. 52 TEU, Art. 349 and 355(1) TFEU), Åland (Art. 355(4) TFEU), Ceuta and Melilla, and the EEA
/// EFTA states (Iceland, Liechtenstein, Norway).</summary>
/// <remarks>
/// <para>A region is <c>EU</c>, <c>EEA</c> or <c>EZ</c>; an ISO 3166-1 alpha-2 code; one of the exceptionally reserved codes
/// <c>IC</c> (Canary Islands), <c>EA</c> (Ceuta and Melilla), <c>FX</c> (metropolitan France), <c>EL</c> (Greece) or <c>UK</c>;
/// or an ISO 3166-2 subdivision code such as <c>PT-20</c> (Azores), <c>PT-30</c> (Madeira) or <c>ES-CN</c> (Canary Islands),
/// read by its country part. Comparison ignores case and surrounding white space.</para>
/// <para>The outermost regions with their own alpha-2 codes are in scope: Guadeloupe <c>GP</c>, French Guiana <c>GF</c>,
/// Martinique <c>MQ</c>, Mayotte <c>YT</c>, Réunion <c>RE</c>, Saint-Martin <c>MF</c>; so are Åland <c>AX</c>. The
/// overseas countries and territories (for example Greenland <c>GL</c>, New Caledonia <c>NC</c>, Aruba <c>AW</c>,
/// Saint-Barthélemy <c>BL</c>), the Faroe Islands and every other country are out of scope. Everything else — an unknown
/// code, an alpha-3 code, a name such as <c>Réunion</c>, <c>EMEA</c> or <c>global</c>, an empty entry — is
/// <see cref="RegionScope.Unknown"/> and treated as in scope, so a misspelt region never takes a system out of the Act.</para>
/// <para>The list of country codes is ISO 3166-1 as shipped by Debian <c>iso-codes</c> 4.15.0 (249 codes).</para>
/// </remarks>
public static class EuTerritorialScope
{
    private static readonly FrozenSet<string> InScopeCodes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "EU", "EEA", "EZ",
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
        "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO",
        "GP", "GF", "MQ", "YT", "RE", "MF",
        "AX", "IC", "EA", "FX",
    ]);

    private static readonly FrozenSet<string> OutOfScopeCodes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AU", "AW", "AZ", "BA", "BB", "BD", "BF", "BH",
        "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG",
        "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "DJ", "DM", "DO", "DZ", "EC", "EG", "EH",
        "ER", "ET", "FJ", "FK", "FM", "FO", "GA", "GB", "GD", "GE", "GG", "GH", "GI", "GL", "GM", "GN", "GQ", "GS", "GT",
        "GU", "GW", "GY", "HK", "HM", "HN", "HT", "ID", "IL", "IM", "IN", "IO", "IQ", "IR", "JE", "JM", "JO", "JP", "KE",
        "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LK", "LR", "LS", "LY", "MA", "MC",
        "MD", "ME", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MR", "MS", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
        "NC", "NE", "NF", "NG", "NI", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PM", "PN", "PR",
        "PS", "PW", "PY", "QA", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SG", "SH", "SJ", "SL", "SM", "SN", "SO", "SR",
        "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT",
        "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE",
        "ZA", "ZM", "ZW",
        "UK",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InScope =
        InScopeCodes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OutOfScope =
        OutOfScopeCodes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Reads one region.</summary>
    /// <param name="region">A region code; null or empty is <see cref="RegionScope.Unknown"/>.</param>
    /// <returns>Whether Union law applies there, does not, or the code is not recognised.</returns>
    /// <remarks>O(1). A subdivision code (<c>CC-…</c>) takes its country's scope, so <c>PT-20</c> and <c>ES-CN</c> are in
    /// scope; a subdivision of an out-of-scope country is out of scope.</remarks>
    public static RegionScope Classify(string? region)
    {
        var code = region.AsSpan().Trim();
        if (code.Length > 3 && code[2] == '-')
        {
            code = code[..2];
        }

        if (code.IsEmpty)
        {
            return RegionScope.Unknown;
        }

        if (InScope.Contains(code))
        {
            return RegionScope.InScope;
        }

        return OutOfScope.Contains(code) ? RegionScope.OutOfScope : RegionScope.Unknown;
    }

    /// <summary>Whether the Act applies to a deployment in these regions: when the list is empty (unknown), or any region is
    /// in scope or not recognised.</summary>
    /// <param name="regions">Where the system is deployed or its output used.</param>
    /// <returns><see langword="false"/> only when every region is recognised and out of scope.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="regions"/> is null.</exception>
    public static bool IsInScope(IEnumerable<string?> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var any = false;
        foreach (var region in regions)
        {
            any = true;
            if (Classify(region) != RegionScope.OutOfScope)
            {
                return true;
            }
        }

        return !any;
    }
}
