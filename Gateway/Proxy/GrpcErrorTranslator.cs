using Google.Protobuf;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace AgentCalls.Gateway.Proxy;

/// <summary>
/// Turns what a service answered for a failed call (a JSON-transcoded <c>google.rpc.Status</c>, or an empty
/// body such as an authentication challenge) into RFC 7807 problem details with the same HTTP status,
/// the gRPC status name, the fields at fault from <c>BadRequest</c> field violations, and the machine-readable
/// <c>ErrorInfo</c> reason (e.g. a refused call's cause), so the app can act on a cause without reading messages.
/// </summary>
public static class GrpcErrorTranslator
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default
        .WithIgnoreUnknownFields(true)
        .WithTypeRegistry(GrpcApiExtensions.ErrorDetailTypes));

    public static ProblemDetails Translate(int httpStatus, string? mediaType, string body)
    {
        var status = mediaType is "application/json" ? TryParse(body) : null;
        var violations = status?.Details
            .Where(d => d.Is(BadRequest.Descriptor))
            .SelectMany(d => d.Unpack<BadRequest>().FieldViolations)
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray());

        ProblemDetails problem = violations is { Count: > 0 }
            ? new HttpValidationProblemDetails(violations) { Title = "The request is not valid." }
            : new ProblemDetails();
        problem.Status = httpStatus;
        problem.Detail = status?.Message is { Length: > 0 } message ? message : null;
        if (status is not null)
        {
            problem.Extensions["grpcStatus"] = ((StatusCode)status.Code).ToString();
            if (status.Details.FirstOrDefault(d => d.Is(ErrorInfo.Descriptor))?.Unpack<ErrorInfo>() is { Reason.Length: > 0 } info)
            {
                problem.Extensions["reason"] = info.Reason;
            }
        }

        return problem;
    }

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
