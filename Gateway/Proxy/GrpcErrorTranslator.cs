using Google.Protobuf;
using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace AgentCalls.Gateway.Proxy;

/// <summary>
/// Turns what a service answered for a failed proxied call (a JSON-transcoded <c>google.rpc.Status</c>, or an empty
/// body such as an authentication challenge) into problem details with the same HTTP status, by
/// <see cref="GrpcProblems"/>.
/// </summary>
public static class GrpcErrorTranslator
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default
        .WithIgnoreUnknownFields(true)
        .WithTypeRegistry(GrpcApiExtensions.ErrorDetailTypes));

    public static ProblemDetails Translate(int httpStatus, string? mediaType, string body) =>
        GrpcProblems.ToProblem(mediaType is "application/json" ? TryParse(body) : null, httpStatus);

    private static Google.Rpc.Status? TryParse(string body)
    {
        try
        {
            return Parser.Parse<Google.Rpc.Status>(body);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
