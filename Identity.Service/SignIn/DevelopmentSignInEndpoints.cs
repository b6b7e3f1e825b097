using System.Security.Claims;
using AgentCalls.Identity.Service.Agents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.SignIn;

/// <summary>
/// The local sign-in page (Development only): creates or picks an agent by name and e-mail, then sends the
/// browser back to the authorization request that asked for it.
/// </summary>
public static class DevelopmentSignInEndpoints
{
    private const int RecentAgentCount = 12;

    public static IEndpointRouteBuilder MapDevelopmentSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", ShowAsync);
        app.MapPost("/login", SignInAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, IAntiforgery antiforgery, AgentDirectory agents, [FromQuery] string? returnUrl, CancellationToken cancellationToken)
    {
        if (!AuthorizationRequest.IsOwn(http, returnUrl))
        {
            return AuthorizationRequest.NotOwn();
        }

        return Page(http, antiforgery, returnUrl!, new DevelopmentSignInForm(), new Dictionary<string, string>(), await agents.ListRecentAsync(RecentAgentCount, cancellationToken), StatusCodes.Status200OK);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, AgentDirectory agents, [FromForm] DevelopmentSignInForm form, CancellationToken cancellationToken)
    {
        if (!AuthorizationRequest.IsOwn(http, form.ReturnUrl))
        {
            return AuthorizationRequest.NotOwn();
        }

        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return Page(http, antiforgery, form.ReturnUrl!, form, errors, await agents.ListRecentAsync(RecentAgentCount, cancellationToken), StatusCodes.Status400BadRequest);
        }

        var (agent, _) = await agents.FindOrCreateAsync(form.DisplayName!, form.Email!, cancellationToken);
        var identity = new ClaimsIdentity([new Claim(Claims.Subject, agent.Id.ToString())], SignInCookie.Scheme);
        await http.SignInAsync(SignInCookie.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(form.ReturnUrl!);
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string returnUrl, DevelopmentSignInForm form, IReadOnlyDictionary<string, string> errors, IReadOnlyList<Agent> agents, int status)
    {
        var google = http.RequestServices.GetRequiredService<SignInMethods>().Google;
        var html = DevelopmentSignInPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, form, errors, agents, google);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
