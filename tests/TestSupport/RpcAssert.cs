using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace AgentCalls.TestSupport;

/// <summary>Assertions on how a gRPC call failed.</summary>
public static class RpcAssert
{
    /// <summary>Asserts the call fails with <paramref name="expected"/> and returns the error.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode expected, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
        return error;
    }

    /// <summary>
    /// Asserts the call fails with InvalidArgument carrying a <c>google.rpc.BadRequest</c> detail, and returns
    /// the fields its violations name, in order.
    /// </summary>
    public static async Task<string[]> InvalidArgumentAsync(Func<Task> call)
    {
        var error = await FailsAsync(StatusCode.InvalidArgument, call);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return [.. badRequest.FieldViolations.Select(v => v.Field)];
    }
}
