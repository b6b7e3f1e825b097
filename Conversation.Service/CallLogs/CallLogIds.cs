using AgentCalls.ServiceDefaults.Grpc;

namespace AgentCalls.Conversation.Service.CallLogs;

/// <summary>A call log id from a request: a uuid, else the request is refused naming <c>callLogId</c>.</summary>
public static class CallLogIds
{
    public static Guid Parse(string callLogId) =>
        Guid.TryParse(callLogId, out var id) ? id : throw FieldViolations.Single("callLogId", "is not a call log id.");
}
