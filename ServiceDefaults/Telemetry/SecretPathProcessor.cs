using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace AgentCalls.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps secrets that travel in URL paths out of traces: the calendar feed's address is its own credential
/// (<c>/api/calendar/feeds/{token}.ics</c>, read by calendar apps without a session), and every span that records
/// the path (the gateway's request and its forward, Calendar's request) would otherwise carry a working token to the
/// telemetry backend. The token is replaced by <c>{token}</c> in the span's name and URL attributes.
/// </summary>
public sealed partial class SecretPathProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.path", "url.full", "http.target", "http.url", "url.original"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value && Redact(value) is var redacted && !ReferenceEquals(redacted, value))
            {
                data.SetTag(tag, redacted);
            }
        }

        if (Redact(data.DisplayName) is var name && !ReferenceEquals(name, data.DisplayName))
        {
            data.DisplayName = name;
        }
    }

    /// <summary>The text with each feed token replaced; the same instance when there is none.</summary>
    public static string Redact(string text) =>
        text.Contains("/api/calendar/feeds/", StringComparison.Ordinal) ? FeedToken().Replace(text, "/api/calendar/feeds/{token}.ics") : text;

    [GeneratedRegex(@"/api/calendar/feeds/[^/?#]+?\.ics")]
    private static partial Regex FeedToken();
}
