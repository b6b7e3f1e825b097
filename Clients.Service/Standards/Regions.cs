using System.Collections.Frozen;
using System.Globalization;

namespace AgentCalls.Clients.Service.Standards;

/// <summary>ISO 3166-1 alpha-2 country codes .NET knows.</summary>
public static class Regions
{
    private static readonly FrozenSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => { try { return new RegionInfo(culture.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
        .OfType<string>()
        .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper))
        .ToFrozenSet();

    public static bool IsKnown(string code) => Known.Contains(code) || E164.IsKnownRegion(code);
}
