using AgentCalls.Gateway.Hosting;
using AgentCalls.Gateway.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentCalls.Gateway.Tests;

public sealed class SessionLifetimeTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly GatewayOptions options = new() { SessionLifetime = TimeSpan.FromDays(7), SessionIdleTimeout = TimeSpan.FromHours(8) };

    private SessionLifetime Lifetime => new(Options.Create(options), time);

    [Fact]
    public void Session_UsedEveryHour_EndsSevenDaysAfterSignIn()
    {
        var session = new AuthenticationProperties();
        Lifetime.Start(session);

        for (var hour = 0; hour < 7 * 24 - 1; hour++)
        {
            time.Advance(TimeSpan.FromHours(1));
            Assert.False(Lifetime.HasEnded(session));
        }

        time.Advance(TimeSpan.FromHours(1));
        Assert.True(Lifetime.HasEnded(session));
    }

    [Fact]
    public void StoreFor_NearTheEnd_IsWhatRemains_OtherwiseTheIdleTimeout()
    {
        var session = new AuthenticationProperties();
        Lifetime.Start(session);

        var early = Lifetime.StoreFor(session);
        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromHours(8), early);
        Assert.Equal(TimeSpan.FromHours(2), Lifetime.StoreFor(session));
    }

    [Fact]
    public void Session_WithNoSignInTime_HasEnded()
    {
        // A session stored before sessions had an absolute lifetime cannot prove its age: the agent signs in again.
        Assert.True(Lifetime.HasEnded(new AuthenticationProperties()));
    }
}
