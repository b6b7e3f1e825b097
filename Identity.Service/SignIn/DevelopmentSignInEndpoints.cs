using System.Security.Claims;
using AgentCalls.Identity.Service.Agents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.SignIn;

/// <summary>
/// The local sign-in page (Development, when asked for): creates or picks an agent by name and e-mail, then sends the
/// browser back to the authorization request that asked for it. It knows no password, so it serves only browsers on
/// this machine (<see cref="LoopbackClient"/>), and it lists no agents: whoever uses it must know the e-mail address.
/// </summary>
public static class DevelopmentSignInEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentSignIn(this IEndpointRouteBuilder app)
    {
        var login = app.MapGroup("/login").AddEndpointFilter(async (context, next) =>
            LoopbackClient.IsLoopback(context.HttpContext)
                ? await next(context)
                : Results.Problem(title: "Development sign-in is for this machine only", detail: "Sign in from a browser on the machine AgentCalls runs on, or configure Google sign-in.", statusCode: StatusCodes.Status403Forbidden));
        login.MapGet("", Show);
        login.MapPost("", SignInAsync);
        return app;
    }

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, SignInMethods methods, [FromQuery] string? returnUrl) =>
        AuthorizationRequest.IsOwn(http, returnUrl)
            ? Page(http, antiforgery, methods, returnUrl!, new DevelopmentSignInForm(), new Dictionary<string, string>(), StatusCodes.Status200OK)
            : AuthorizationRequest.NotOwn();

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, SignInMethods methods, AgentDirectory agents, [FromForm] DevelopmentSignInForm form, CancellationToken cancellationToken)
    {
        if (!AuthorizationRequest.IsOwn(http, form.ReturnUrl))
        {
            return AuthorizationRequest.NotOwn();
        }

        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return Page(http, antiforgery, methods, form.ReturnUrl!, form, errors, StatusCodes.Status400BadRequest);
        }

        var (agent, _) = await agents.FindOrCreateAsync(form.DisplayName!, form.Email!, cancellationToken);
        var identity = new ClaimsIdentity([new Claim(Claims.Subject, agent.Id.ToString())], SignInCookie.Scheme);
        await http.SignInAsync(SignInCookie.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(form.ReturnUrl!);
    }

    private static IResult Page(
        HttpContext http, IAntiforgery antiforgery, SignInMethods methods, string returnUrl, DevelopmentSignInForm form, IReadOnlyDictionary<string, string> errors, int status)
    {
        var html = DevelopmentSignInPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, form, errors, methods.Google);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
