using AgentCalls.FakeGoogle;
using Grpc.Net.Client;

namespace AgentCalls.TestSupport;

/// <summary>The agent presses "Connect Google Calendar": Identity's one-time link, Google's consent (the fake's), back to Settings.</summary>
public static class GoogleCalendarConnect
{
    public static async Task<Uri> ConnectAsync(GrpcChannel identity, Uri issuer, SignedInAgent agent, FakeUser user, CancellationToken cancellationToken)
    {
        var link = await new Contracts.Identity.V1.GoogleAccount.GoogleAccountClient(identity)
            .StartGoogleConnectionAsync(new() { ReturnPath = "/settings" }, agent.Bearer, cancellationToken: cancellationToken);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });
        return await DevelopmentSignIn.FollowAsync(
            browser, new Uri(issuer, link.AuthorizationUrl), url => url.AbsolutePath == "/settings", user.Name, user.Email, cancellationToken);
    }
}
