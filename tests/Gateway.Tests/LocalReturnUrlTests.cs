using AgentCalls.Gateway.Bff;

namespace AgentCalls.Gateway.Tests;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/today")]
    [InlineData("/clients?search=smith&page=2")]
    public void IsLocal_PathOfThisSite_IsAccepted(string url) => Assert.True(LocalReturnUrl.IsLocal(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("today")]
    [InlineData("https://attacker.example/")]
    [InlineData("//attacker.example/today")]
    [InlineData("/\\attacker.example")]
    [InlineData("/today\r\nSet-Cookie: x=1")]
    [InlineData("javascript:alert(1)")]
    public void IsLocal_AnythingElse_IsRefused(string? url) => Assert.False(LocalReturnUrl.IsLocal(url));
}
