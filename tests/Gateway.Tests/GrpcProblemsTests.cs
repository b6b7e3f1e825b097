using AgentCalls.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentCalls.Gateway.Tests;

/// <summary>An RpcException caught by an endpoint becomes the same problem details the gateway makes of a proxied call's error.</summary>
public sealed class GrpcProblemsTests
{
    [Fact]
    public void ToResult_InvalidArgumentWithFieldViolations_IsA400NamingEachField()
    {
        var error = Assert.Throws<RpcException>(() => new FieldViolations().Add("fileName", "must end in .csv.").Add("file", "is empty.").ThrowIfAny());

        var result = Assert.IsType<ProblemHttpResult>(GrpcProblems.ToResult(error));

        var problem = Assert.IsType<HttpValidationProblemDetails>(result.ProblemDetails);
        Assert.Equal((400, "InvalidArgument"), (result.StatusCode, problem.Extensions["grpcStatus"]));
        Assert.Equal(["file", "fileName"], problem.Errors.Keys.Order());
    }

    [Theory]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.FailedPrecondition, 400)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.PermissionDenied, 403)]
    [InlineData(StatusCode.Internal, 500)]
    public void ToResult_StatusWithoutDetails_HasTheHttpStatusTranscodingGivesItAndItsMessage(StatusCode code, int expected)
    {
        var result = Assert.IsType<ProblemHttpResult>(GrpcProblems.ToResult(new RpcException(new Status(code, "Why it failed.")), title: "A title"));

        Assert.Equal((expected, "Why it failed.", "A title", code.ToString()),
            (result.StatusCode, result.ProblemDetails.Detail, result.ProblemDetails.Title, result.ProblemDetails.Extensions["grpcStatus"]));
    }

    [Fact]
    public void NotFound_NamesWhatWasNotFound()
    {
        var error = RpcErrors.NotFound("client");

        Assert.Equal((StatusCode.NotFound, "No such client."), (error.StatusCode, error.Status.Detail));
        Assert.Equal(404, GrpcProblems.HttpStatus(error.StatusCode));
    }
}
