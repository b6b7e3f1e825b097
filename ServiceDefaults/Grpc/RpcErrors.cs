using Grpc.Core;

namespace AgentCalls.ServiceDefaults.Grpc;

/// <summary>The errors every service answers alike (field errors are <see cref="FieldViolations"/>).</summary>
public static class RpcErrors
{
    /// <summary>NotFound naming what was not found: also the answer to another agent's id, which must not be told apart.</summary>
    public static RpcException NotFound(string what) => new(new Status(StatusCode.NotFound, $"No such {what}."));
}
