using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>
/// The one translation of a failed gRPC call into RFC 7807 problem details, used wherever a REST answer carries one: the
/// gateway's proxied calls (from the transcoded <c>google.rpc.Status</c>), and endpoints that call a gRPC API or logic
/// throwing <see cref="RpcException"/> themselves. The HTTP status is the one JSON transcoding gives the gRPC status; the
/// problem names the gRPC status, the fields at fault from <c>BadRequest</c> field violations, and the machine-readable
/// <c>ErrorInfo</c> reason, so the app can act on a cause without reading messages.
/// </summary>
public static class GrpcProblems
{
    public static ProblemDetails ToProblem(Google.Rpc.Status? status, int httpStatus, string? title = null)
    {
        var violations = status?.Details
            .Where(d => d.Is(BadRequest.Descriptor))
            .SelectMany(d => d.Unpack<BadRequest>().FieldViolations)
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray());

        ProblemDetails problem = violations is { Count: > 0 }
            ? new HttpValidationProblemDetails(violations) { Title = title ?? "The request is not valid." }
            : new ProblemDetails { Title = title };
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

    /// <summary>The problem details for a call that failed with <paramref name="error"/>, as a result to return.</summary>
    public static IResult ToResult(RpcException error, string? title = null) =>
        TypedResults.Problem(ToProblem(
            error.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)error.StatusCode, Message = error.Status.Detail }, HttpStatus(error.StatusCode), title));

    /// <summary>The HTTP status JSON transcoding answers for a gRPC status (google.rpc.Code's documented mapping).</summary>
    public static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => 499,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };
}
