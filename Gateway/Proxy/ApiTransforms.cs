using AgentCalls.Gateway.Sessions;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace AgentCalls.Gateway.Proxy;

/// <summary>
/// For routes marked <c>"Api": "true"</c>: the session's access token replaces the browser's cookies on the
/// way in (an API client's own bearer token passes through), and failures come back as problem details. Every other
/// route loses the session cookie only (<see cref="SessionCookieStripping"/>).
/// </summary>
public static class ApiTransforms
{
    public const string ApiMetadataKey = "Api";

    public static void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata?.GetValueOrDefault(ApiMetadataKey) != "true")
        {
            context.AddRequestTransform(SessionCookieStripping.StripAsync);
            return;
        }

        context.AddRequestTransform(AttachAccessTokenAsync);
        context.AddResponseTransform(ProblemDetailsForErrorsAsync);
    }

    private static async ValueTask AttachAccessTokenAsync(RequestTransformContext transform)
    {
        // Services never see the browser's session cookie.
        transform.ProxyRequest.Headers.Remove("Cookie");
        if (transform.HttpContext.Request.Headers.Authorization.Count > 0)
        {
            return;
        }

        var tokens = transform.HttpContext.RequestServices.GetRequiredService<SessionTokens>();
        if (await tokens.GetAccessTokenAsync(transform.HttpContext) is { } accessToken)
        {
            transform.ProxyRequest.Headers.Authorization = new("Bearer", accessToken);
        }
    }

    private static async ValueTask ProblemDetailsForErrorsAsync(ResponseTransformContext transform)
    {
        var response = transform.ProxyResponse;
        if (response is null || (int)response.StatusCode < 400 || transform.HttpContext.WebSockets.IsWebSocketRequest)
        {
            return;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is "application/problem+json")
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(transform.HttpContext.RequestAborted);
        var problem = GrpcErrorTranslator.Translate((int)response.StatusCode, mediaType, body);
        transform.SuppressResponseBody = true;
        var http = transform.HttpContext;
        http.Response.Headers.ContentLength = null;
        http.Response.Headers.ContentType = default;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
