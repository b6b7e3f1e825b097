using System.Globalization;
using AgentCalls.Gateway.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AgentCalls.Gateway.Sessions;

/// <summary>
/// A browser session ends <see cref="GatewayOptions.SessionLifetime"/> after sign-in however busy it is: the idle timeout
/// slides with use and the access token refreshes itself, so without this a session used daily would never end.
/// </summary>
public sealed class SessionLifetime(IOptions<GatewayOptions> options, TimeProvider time)
{
    /// <summary>The ticket property holding when the agent signed in (round-trip format).</summary>
    public const string SignedInAtItem = ".agentcalls.signed-in-at";

    /// <summary>Marks a new session as signed in now.</summary>
    public void Start(AuthenticationProperties session) =>
        session.Items[SignedInAtItem] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>How long the session may still live; zero or less when it is over (and for a session with no sign-in time).</summary>
    public TimeSpan Remaining(AuthenticationProperties session) =>
        session.Items.TryGetValue(SignedInAtItem, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            ? signedInAt + options.Value.SessionLifetime - time.GetUtcNow()
            : TimeSpan.Zero;

    public bool HasEnded(AuthenticationProperties session) => Remaining(session) <= TimeSpan.Zero;

    /// <summary>How long the stored session is kept: the idle timeout, but never past the session's end.</summary>
    public TimeSpan StoreFor(AuthenticationProperties session)
    {
        var remaining = Remaining(session);
        var idle = options.Value.SessionIdleTimeout;
        return remaining < idle ? remaining : idle;
    }
}
