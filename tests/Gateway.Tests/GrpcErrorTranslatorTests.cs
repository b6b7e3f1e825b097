using AgentCalls.Gateway.Proxy;
using Microsoft.AspNetCore.Http;

namespace AgentCalls.Gateway.Tests;

public sealed class GrpcErrorTranslatorTests
{
    [Fact]
    public void Translate_TranscodedInvalidArgumentWithFieldViolations_IsAValidationProblemPerField()
    {
        const string body = """
            {"code":3,"message":"The request is not valid: pageSize, pageToken.","details":[
              {"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[
                {"field":"pageSize","description":"must be between 1 and 200 (or 0 for 50)."},
                {"field":"pageToken","description":"is not a page token from a previous response."},
                {"field":"pageSize","description":"a second reason."}]}]}
            """;

        var problem = Assert.IsType<HttpValidationProblemDetails>(GrpcErrorTranslator.Translate(400, "application/json", body));

        Assert.Equal(400, problem.Status);
        Assert.Equal("The request is not valid: pageSize, pageToken.", problem.Detail);
        Assert.Equal("InvalidArgument", problem.Extensions["grpcStatus"]);
        Assert.Equal(["must be between 1 and 200 (or 0 for 50).", "a second reason."], problem.Errors["pageSize"]);
        Assert.Equal(["is not a page token from a previous response."], problem.Errors["pageToken"]);
    }

    [Fact]
    public void Translate_NotFoundWithoutDetails_KeepsStatusAndMessage()
    {
        var problem = GrpcErrorTranslator.Translate(404, "application/json", """{"code":5,"message":"Client not found.","details":[]}""");

        Assert.IsNotType<HttpValidationProblemDetails>(problem);
        Assert.Equal(404, problem.Status);
        Assert.Equal("Client not found.", problem.Detail);
        Assert.Equal("NotFound", problem.Extensions["grpcStatus"]);
    }

    [Fact]
    public void Translate_FailedPreconditionWithErrorInfo_CarriesTheReason()
    {
        const string body = """
            {"code":9,"message":"Google Calendar must be reconnected.","details":[
              {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"GOOGLE_RECONNECT_REQUIRED","domain":"agentcalls.identity"}]}
            """;

        var problem = GrpcErrorTranslator.Translate(400, "application/json", body);

        Assert.Equal("FailedPrecondition", problem.Extensions["grpcStatus"]);
        Assert.Equal("GOOGLE_RECONNECT_REQUIRED", problem.Extensions["reason"]);
    }

    [Theory]
    [InlineData(401, null, "")]
    [InlineData(502, "text/html", "<html>Bad gateway</html>")]
    [InlineData(500, "application/json", "{not json")]
    public void Translate_ABodyThatIsNotAgRpcStatus_StillGivesAProblemWithTheStatus(int status, string? mediaType, string body)
    {
        var problem = GrpcErrorTranslator.Translate(status, mediaType, body);

        Assert.Equal(status, problem.Status);
        Assert.Null(problem.Detail);
        Assert.False(problem.Extensions.ContainsKey("grpcStatus"));
    }
}
