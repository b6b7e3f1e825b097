using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AgentCalls.TestSupport;

/// <summary>
/// Walks the development sign-in the way a person in a browser does: follows each redirect, and on
/// Identity's sign-in page fills in name and e-mail and submits the form (antiforgery token included).
/// The client must not follow redirects itself and must keep cookies.
/// </summary>
public static class DevelopmentSignIn
{
    private const int MaximumHops = 12;

    /// <summary>
    /// Follows from <paramref name="start"/> until <paramref name="isDone"/> says the browser has arrived; returns where.
    /// With <paramref name="withGoogle"/>, the agent picks "Continue with Google" on the sign-in page instead of the form.
    /// </summary>
    public static async Task<Uri> FollowAsync(
        HttpClient browser, Uri start, Func<Uri, bool> isDone, string displayName, string email, CancellationToken cancellationToken = default, bool withGoogle = false)
    {
        var url = start;
        for (var hop = 0; hop < MaximumHops; hop++)
        {
            if (isDone(url))
            {
                return url;
            }

            using var response = await browser.GetAsync(url, cancellationToken);
            if (Location(response, url) is { } next)
            {
                url = next;
                continue;
            }

            var page = await response.Content.ReadAsStringAsync(cancellationToken);
            if (withGoogle && response.StatusCode == HttpStatusCode.OK && FindGoogleLink(page) is { } google)
            {
                url = new Uri(url, google);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK || FindSignInForm(page) is not { } form)
            {
                throw new InvalidOperationException($"Expected a redirect or the sign-in page at {url}, got {(int)response.StatusCode}:\n{page}");
            }

            url = await SubmitAsync(browser, url, form, displayName, email, cancellationToken);
        }

        throw new InvalidOperationException($"Sign-in did not finish within {MaximumHops} hops; last at {url}.");
    }

    private static async Task<Uri> SubmitAsync(HttpClient browser, Uri pageUrl, IHtmlFormElement form, string displayName, string email, CancellationToken cancellationToken)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        fields["displayName"] = displayName;
        fields["email"] = email;
        var action = new Uri(pageUrl, form.GetAttribute("action") ?? pageUrl.ToString());

        using var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields), cancellationToken);
        return Location(response, action)
            ?? throw new InvalidOperationException($"The sign-in form answered {(int)response.StatusCode}:\n{await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static IHtmlFormElement? FindSignInForm(string html) =>
        new HtmlParser().ParseDocument(html).Forms.FirstOrDefault(f => f.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == "displayName" && i.Type == "text"));

    private static string? FindGoogleLink(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "Continue with Google")?.GetAttribute("href");

    private static Uri? Location(HttpResponseMessage response, Uri current) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location ? new Uri(current, location) : null;
}
