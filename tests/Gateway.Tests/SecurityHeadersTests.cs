using AgentCalls.Gateway.Hosting;
using AgentCalls.Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.Gateway.Tests;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/api/clients")]
    [InlineData("/api/calendar/feeds/abc.ics")]
    [InlineData("/bff/logout")]
    public void Apply_ApiAndBff_AreNeverStored(string path)
    {
        var http = Context(path);
        http.Response.Headers.CacheControl = "public, max-age=3600";

        SecurityHeaders.Apply(http, SecurityHeaders.DefaultContentSecurityPolicy);

        Assert.Equal("no-store", http.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void Apply_Page_KeepsItsCaching_AndForbidsFraming()
    {
        var http = Context("/_next/static/app.js");
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";

        SecurityHeaders.Apply(http, SecurityHeaders.DefaultContentSecurityPolicy);

        Assert.Equal("public, max-age=31536000, immutable", http.Response.Headers.CacheControl.ToString());
        Assert.Contains("frame-ancestors 'none'", http.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("DENY", http.Response.Headers.XFrameOptions.ToString());
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public void Apply_WithoutAPolicy_InDevelopment_SetsNoContentSecurityPolicy()
    {
        var http = Context("/today");

        SecurityHeaders.Apply(http, null);

        Assert.False(http.Response.Headers.ContainsKey("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("*", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("calls.example.com;*", false)]
    [InlineData("calls.example.com", true)]
    [InlineData("calls.example.com;www.calls.example.com", true)]
    public void AllowedHosts_OutsideDevelopment_MustNameHosts(string? allowedHosts, bool accepted)
    {
        Assert.Equal(accepted, GatewayServicesExtensions.AllowedHostsAreNamed(allowedHosts, development: false));
        Assert.True(GatewayServicesExtensions.AllowedHostsAreNamed(allowedHosts, development: true));
    }

    private static DefaultHttpContext Context(string path)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        return http;
    }
}
