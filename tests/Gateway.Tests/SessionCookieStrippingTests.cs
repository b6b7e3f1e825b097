using AgentCalls.Gateway.Proxy;

namespace AgentCalls.Gateway.Tests;

public sealed class SessionCookieStrippingTests
{
    [Theory]
    [InlineData("__Host-agentcalls.session=abc", "")]
    [InlineData("agentcalls.signin=x; __Host-agentcalls.session=abc; theme=dark", "agentcalls.signin=x; theme=dark")]
    [InlineData("theme=dark", "theme=dark")]
    [InlineData("__Host-agentcalls.sessionX=1;__Host-agentcalls.session=abc", "__Host-agentcalls.sessionX=1")]
    public void Without_TakesOutTheSessionCookieOnly(string header, string expected)
    {
        Assert.Equal(expected, SessionCookieStripping.Without([header], "__Host-agentcalls.session"));
    }

    [Fact]
    public void Without_SeveralCookieHeaders_AreJoinedWithoutTheSession()
    {
        Assert.Equal("a=1; b=2", SessionCookieStripping.Without(["a=1; agentcalls.session=s", "b=2"], "agentcalls.session"));
    }
}
