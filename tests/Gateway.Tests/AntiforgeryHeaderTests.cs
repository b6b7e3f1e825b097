using System.Security.Claims;
using AgentCalls.Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.Gateway.Tests;

public sealed class AntiforgeryHeaderTests
{
    [Theory]
    [InlineData("POST", "/api/clients")]
    [InlineData("PUT", "/api/clients/1")]
    [InlineData("PATCH", "/api/clients/1")]
    [InlineData("DELETE", "/api/clients/1")]
    [InlineData("POST", "/bff/logout")]
    public void Check_UnsafeBrowserRequestWithoutTheHeader_IsRefused(string method, string path)
    {
        var problem = AntiforgeryHeader.Check(Request(method, path));

        Assert.Equal(StatusCodes.Status400BadRequest, problem?.Status);
    }

    [Theory]
    [InlineData("POST", "/api/clients", "X-CSRF", "1")]
    [InlineData("GET", "/api/clients", null, null)]
    [InlineData("POST", "/auth/login", null, null)]
    [InlineData("POST", "/some/page", null, null)]
    public void Check_SafeOrMarkedOrBearerOrNotApi_IsAllowed(string method, string path, string? header, string? value)
    {
        var request = Request(method, path);
        if (header is not null)
        {
            request.Headers[header] = value;
        }

        Assert.Null(AntiforgeryHeader.Check(request));
    }

    [Fact]
    public void Check_BearerTokenThatAuthenticated_IsExempt()
    {
        var request = Request("POST", "/api/clients");
        request.Headers.Authorization = "Bearer token";
        request.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "agent")], "Bearer"));

        Assert.Null(AntiforgeryHeader.Check(request));
    }

    [Theory]
    [InlineData("Bearer not-a-valid-token")]
    [InlineData("Basic YWxpY2U6c2VjcmV0")]
    [InlineData("Negotiate abc")]
    public void Check_AuthorizationThatDidNotAuthenticateByBearer_IsNoExemption(string authorization)
    {
        // A bad token or another scheme beside the session cookie: the cookie is what would act, so the header is required.
        var request = Request("POST", "/api/clients");
        request.Headers.Authorization = authorization;
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            request.HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "agent")], "Cookies"));
        }

        Assert.Equal(StatusCodes.Status400BadRequest, AntiforgeryHeader.Check(request)?.Status);
    }

    [Fact]
    public void Check_HeaderWithAnotherValue_IsRefused()
    {
        var request = Request("POST", "/api/clients");
        request.Headers["X-CSRF"] = "yes";

        Assert.NotNull(AntiforgeryHeader.Check(request));
    }

    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost:5080");
        return context.Request;
    }
}
