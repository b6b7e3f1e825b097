using System.Globalization;
using System.Security.Claims;
using AgentCalls.Identity.Service.Agents;
using AgentCalls.Identity.Service.Hosting;
using AgentCalls.Identity.Service.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AgentCalls.Identity.Service.GoogleAccounts;

/// <summary>
/// The browser's way through Google: the connect link that starts Calendar consent, and the callback where
/// Google sends it back (state, nonce, PKCE and the id_token's signature checked by OpenIddict's client).
/// </summary>
public static partial class GoogleEndpoints
{
    /// <summary>Added to the authorization request when Google sign-in failed, so the client is told (access_denied …).</summary>
    public const string SignInErrorParameter = "agentcalls_signin_error";

    public static IEndpointRouteBuilder MapGoogleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login/google", ([FromQuery] string? returnUrl, HttpContext http) =>
            AuthorizationRequest.IsOwn(http, returnUrl) ? GoogleChallenge.SignIn(returnUrl!) : AuthorizationRequest.NotOwn());
        app.MapGet("/google/connect", ConnectAsync);
        app.MapMethods("/" + GoogleClientExtensions.CallbackPath, [HttpMethods.Get, HttpMethods.Post], CallbackAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ConnectAsync([FromQuery] string? ticket, GoogleConnectTickets tickets, AgentDirectory agents, CancellationToken cancellationToken)
    {
        var redeemed = ticket is null ? null : await tickets.RedeemAsync(ticket);
        var agent = redeemed is null ? null : await agents.FindAsync(redeemed.AgentId, cancellationToken);
        return agent is null
            ? Results.Problem(title: "This link has expired", detail: "Start again from Settings: connect links work once, for a few minutes.", statusCode: StatusCodes.Status400BadRequest)
            : GoogleChallenge.Connect(agent.Id, agent.GoogleSubject ?? agent.Email, redeemed!.ReturnPath);
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, AgentDirectory agents, GoogleTokenVault vault, ILogger<GoogleTokenVault> logger, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        var properties = result.Properties;
        if (properties?.RedirectUri is not { } returnUrl)
        {
            // No valid state: a forged or replayed callback. Nothing is signed in or stored.
            return Results.Problem(title: "Sign-in with Google failed", detail: result.Failure?.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        var connecting = properties.Items.TryGetValue(GoogleChallenge.FlowItem, out var flow) && flow == GoogleChallenge.ConnectFlow;
        var error = result.Succeeded ? null : properties.GetString(OpenIddictClientAspNetCoreConstants.Properties.Error) ?? Errors.ServerError;
        if (error is not null)
        {
            LogGoogleRefused(logger, error, properties.GetString(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription));
            return connecting
                ? Results.Redirect(QueryHelpers.AddQueryString(returnUrl, new Dictionary<string, string?> { ["google"] = "error", ["reason"] = error }))
                : Results.Redirect(QueryHelpers.AddQueryString(returnUrl, SignInErrorParameter, error));
        }

        var google = result.Principal!;
        var subject = google.GetClaim(Claims.Subject)!;
        var email = google.GetClaim(Claims.Email) ?? "";
        if (connecting)
        {
            return await ConnectCallbackAsync(vault, properties, subject, email, returnUrl, cancellationToken);
        }

        var agent = await agents.FindOrCreateForGoogleAsync(subject, email, google.GetClaim(Claims.Name) ?? email, cancellationToken);
        await http.SignInAsync(SignInCookie.Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.Subject, agent.Id.ToString())], SignInCookie.Scheme)));
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> ConnectCallbackAsync(GoogleTokenVault vault, AuthenticationProperties properties, string subject, string email, string returnUrl, CancellationToken cancellationToken)
    {
        var agentId = Guid.Parse(properties.Items[GoogleChallenge.AgentItem]!);
        var expiresAt = DateTimeOffset.TryParse(
            properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelAccessTokenExpirationDate),
            CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.UtcNow.AddMinutes(5);
        var grant = new GoogleGrant(
            subject,
            email,
            properties.GetString(OpenIddictClientAspNetCoreConstants.Properties.Scope)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [GoogleOptions.CalendarScope],
            properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.BackchannelAccessToken) ?? "",
            expiresAt,
            properties.GetTokenValue(OpenIddictClientAspNetCoreConstants.Tokens.RefreshToken));
        try
        {
            await vault.ConnectAsync(agentId, grant, cancellationToken);
            return Results.Redirect(QueryHelpers.AddQueryString(returnUrl, "google", "connected"));
        }
        catch (GoogleConnectionException e)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(returnUrl, new Dictionary<string, string?> { ["google"] = "error", ["reason"] = e.Reason }));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Google answered {Error} ({Description}).")]
    private static partial void LogGoogleRefused(ILogger logger, string error, string? description);
}
