using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace AgentCalls.Identity.Service.SignIn;

/// <summary>Renders the development sign-in page: a form for name and e-mail (no list of agents: it would hand out every agent).</summary>
public static class DevelopmentSignInPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(
        AntiforgeryTokenSet antiforgery,
        string returnUrl,
        DevelopmentSignInForm form,
        IReadOnlyDictionary<string, string> errors,
        bool googleAvailable)
    {
        var page = new StringBuilder();
        page.Append($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · AgentCalls</title>
            <style>
            body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1c2430;margin:0;display:grid;place-items:center;min-height:100vh}
            main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:2rem;width:min(26rem,90vw)}
            h1{margin:0 0 .25rem;font-size:1.4rem}.note{color:#5b6675;font-size:.9rem;margin:0 0 1.5rem}
            label{display:block;font-weight:600;margin:1rem 0 .25rem}input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #c5ccd6;border-radius:6px;font-size:1rem}
            .error{color:#b42318;font-size:.875rem;margin:.25rem 0 0}button{margin-top:1.5rem;width:100%;padding:.7rem;border:0;border-radius:6px;background:#1f5fbf;color:#fff;font-size:1rem;cursor:pointer}
            .google{display:block;text-align:center;padding:.7rem;border:1px solid #c5ccd6;border-radius:6px;color:#1c2430;text-decoration:none;margin-bottom:1rem}
            </style>
            </head>
            <body><main>
            <h1>Sign in to AgentCalls</h1>
            <p class="note">Development sign-in: for running AgentCalls locally. It creates an agent the first time an e-mail address is used.</p>
            """);
        page.Append(googleAvailable
            ? $"<a class=\"google\" href=\"login/google?returnUrl={Html.Encode(Uri.EscapeDataString(returnUrl))}\">Continue with Google</a>"
            : "<p class=\"note\">Google sign-in is not configured (set Google:ClientId and Google:ClientSecret).</p>");
        page.Append("<form method=\"post\" action=\"login\" novalidate>");
        AppendHidden(page, antiforgery, returnUrl);
        AppendField(page, "displayName", "Your name", "text", form.DisplayName, errors);
        AppendField(page, "email", "E-mail", "email", form.Email, errors);
        page.Append("<button type=\"submit\">Sign in</button></form>");
        page.Append("</main></body></html>");
        return page.ToString();
    }

    private static void AppendHidden(StringBuilder page, AntiforgeryTokenSet antiforgery, string returnUrl)
    {
        page.Append($"<input type=\"hidden\" name=\"{Html.Encode(antiforgery.FormFieldName)}\" value=\"{Html.Encode(antiforgery.RequestToken ?? "")}\">");
        page.Append($"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.Encode(returnUrl)}\">");
    }

    private static void AppendField(StringBuilder page, string name, string label, string type, string? value, IReadOnlyDictionary<string, string> errors)
    {
        page.Append($"<label for=\"{name}\">{label}</label>");
        page.Append($"<input id=\"{name}\" name=\"{name}\" type=\"{type}\" value=\"{Html.Encode(value ?? "")}\" required");
        if (errors.TryGetValue(name, out var error))
        {
            page.Append($" aria-invalid=\"true\" aria-describedby=\"{name}-error\"><p class=\"error\" id=\"{name}-error\">{Html.Encode(error)}</p>");
        }
        else
        {
            page.Append('>');
        }
    }
}
