namespace AgentCalls.Gateway.Bff;

/// <summary>Where the browser may be sent after signing in: paths of this origin only, never another site.</summary>
public static class LocalReturnUrl
{
    public const string Default = "/today";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains('\r') && !url.Contains('\n')
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
