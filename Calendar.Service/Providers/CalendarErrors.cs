using AgentCalls.Calendar.Service.Google;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace AgentCalls.Calendar.Service.Providers;

/// <summary>The gRPC errors scheduling answers when the calendar cannot take the change.</summary>
public static class CalendarErrors
{
    public const string Domain = "calendar.agentcalls";

    public static RpcException ReconnectRequired(string message) =>
        Precondition(GoogleAccessUnavailableException.ReconnectRequired, $"{message} Connect Google Calendar again in Settings.");

    public static RpcException From(GoogleAccessUnavailableException e) => Precondition(e.Reason, e.Message);

    public static RpcException SlotTaken(string message) => Precondition("SLOT_TAKEN", message);

    public static RpcException Precondition(string reason, string message) =>
        new global::Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
        }.ToRpcException();

    /// <summary>A write that met a concurrent one it cannot settle; trying again is safe.</summary>
    public static RpcException Aborted(string message) => new(new Grpc.Core.Status(StatusCode.Aborted, message));

    public static RpcException NotFound(string what) => new(new Grpc.Core.Status(StatusCode.NotFound, $"No such {what}."));
}
