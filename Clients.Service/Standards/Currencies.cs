using System.Collections.Frozen;
using System.Globalization;

namespace AgentCalls.Clients.Service.Standards;

/// <summary>ISO 4217 codes and how many minor units each has (premiums are stored as integer minor units).</summary>
public static class Currencies
{
    public const string Default = "USD";

    // .NET knows the codes (through the regions that use them) but not their minor units; these are the exceptions to 2.
    private static readonly FrozenDictionary<string, int> MinorDigitExceptions = new Dictionary<string, int>
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0, ["PYG"] = 0,
        ["RWF"] = 0, ["UGX"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => { try { return new RegionInfo(culture.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .Where(code => code.Length == 3)
        .Concat(MinorDigitExceptions.Keys)
        .ToFrozenSet();

    public static bool IsKnown(string code) => Known.Contains(code);

    public static int MinorDigits(string code) => MinorDigitExceptions.GetValueOrDefault(code, 2);
}
