using PhoneNumbers;

namespace AgentCalls.Clients.Service.Standards;

/// <summary>Reads phone numbers as people write them and stores them in E.164 (libphonenumber).</summary>
public static class E164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null when it is not a possible number (numbers without "+" are read in <paramref name="region"/>).</summary>
    public static string? Normalize(string input, string region)
    {
        try
        {
            var number = Util.Parse(input, region);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static bool IsKnownRegion(string region) => Util.GetSupportedRegions().Contains(region);
}
