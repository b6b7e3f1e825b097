using Grpc.Core;

namespace AgentCalls.EndToEnd.Tests;

/// <summary>
/// For every RPC that takes an id, a request another agent could send with the owner's ids (<see cref="OwnedBook"/>'s
/// names in braces), valid in every other field so that only ownership can refuse it, and what it must answer.
/// </summary>
public static class ProbeRequests
{
    private const string Future = "2030-01-15T15:00:00Z";

    public static readonly IReadOnlyDictionary<string, string> ByMethod = new Dictionary<string, string>
    {
        ["agentcalls.identity.v1.GoogleTokens.GetGoogleAccessTokenForAgent"] = """{ "agentId": "{agent}" }""",
        ["agentcalls.clients.v1.Clients.ListClients"] = """{ "householdId": "{household}" }""",
        ["agentcalls.clients.v1.Clients.GetClient"] = """{ "clientId": "{client}" }""",
        ["agentcalls.clients.v1.Clients.CreateClient"] = """{ "client": { "displayName": "Ivo Intruder", "householdId": "{household}" } }""",
        ["agentcalls.clients.v1.Clients.UpdateClient"] = """{ "client": { "clientId": "{client}", "etag": "{clientEtag}", "displayName": "Renamed by another" } }""",
        ["agentcalls.clients.v1.Clients.DeleteClient"] = """{ "clientId": "{client}" }""",
        ["agentcalls.clients.v1.Clients.ListClientHistory"] = """{ "clientId": "{client}" }""",
        ["agentcalls.clients.v1.Policies.ListPolicies"] = """{ "clientId": "{client}" }""",
        ["agentcalls.clients.v1.Policies.GetPolicy"] = """{ "clientId": "{client}", "policyId": "{policy}" }""",
        ["agentcalls.clients.v1.Policies.CreatePolicy"] = """
            { "clientId": "{client}", "policy": { "policyNumber": "INT-1", "carrier": "Acme Mutual", "lineOfBusiness": "LINE_OF_BUSINESS_AUTO",
              "status": "POLICY_STATUS_ACTIVE", "premiumMinor": "1000", "currencyCode": "USD",
              "effectiveDate": { "year": 2026, "month": 1, "day": 1 }, "expirationDate": { "year": 2027, "month": 1, "day": 1 } } }
            """,
        ["agentcalls.clients.v1.Policies.UpdatePolicy"] = """
            { "policy": { "policyId": "{policy}", "clientId": "{client}", "etag": "{policyEtag}", "policyNumber": "INT-2", "carrier": "Acme Mutual", "lineOfBusiness": "LINE_OF_BUSINESS_AUTO",
              "status": "POLICY_STATUS_ACTIVE", "premiumMinor": "1000", "currencyCode": "USD",
              "effectiveDate": { "year": 2026, "month": 1, "day": 1 }, "expirationDate": { "year": 2027, "month": 1, "day": 1 } } }
            """,
        ["agentcalls.clients.v1.Policies.DeletePolicy"] = """{ "clientId": "{client}", "policyId": "{policy}" }""",
        ["agentcalls.clients.v1.Households.DeleteHousehold"] = """{ "householdId": "{household}" }""",
        ["agentcalls.clients.v1.Imports.GetImport"] = """{ "importId": "{import}" }""",
        ["agentcalls.clients.v1.Imports.StartImport"] = """{ "importId": "{import}", "dryRun": true, "duplicateMode": "DUPLICATE_MODE_UPDATE" }""",
        ["agentcalls.clients.v1.Imports.CancelImport"] = """{ "importId": "{import}" }""",
        ["agentcalls.clients.v1.Imports.ListImportErrors"] = """{ "importId": "{import}" }""",
        ["agentcalls.clients.v1.Imports.ListImportPreview"] = """{ "importId": "{import}" }""",
        ["agentcalls.calendar.v1.ScheduledCalls.ScheduleCall"] = $$"""{ "requestId": "{{Guid.NewGuid()}}", "clientId": "{client}", "startTime": "{{Future}}" }""",
        ["agentcalls.calendar.v1.ScheduledCalls.RescheduleCall"] = $$"""{ "eventId": "{event}", "startTime": "{{Future}}" }""",
        ["agentcalls.calendar.v1.ScheduledCalls.CancelCall"] = """{ "eventId": "{event}" }""",
        ["agentcalls.conversation.v1.Conversation.ListCallLogs"] = """{ "clientId": "{client}" }""",
        ["agentcalls.conversation.v1.Conversation.GetCallLog"] = """{ "callLogId": "{callLog}" }""",
        ["agentcalls.conversation.v1.Conversation.UpdateCallLog"] = """{ "callLogId": "{callLog}", "summary": "Rewritten by another", "outcome": "quoted" }""",
        ["agentcalls.conversation.v1.Conversation.DeleteCallLog"] = """{ "callLogId": "{callLog}" }""",
        ["agentcalls.conversation.v1.Calls.StartCall"] = """{ "clientId": "{client}" }""",
        ["agentcalls.conversation.v1.Calls.GetCall"] = """{ "callId": "{call}" }""",
        ["agentcalls.conversation.v1.Calls.EndCall"] = """{ "callId": "{call}" }""",
        ["agentcalls.conversation.v1.Calls.ProposeAction"] = """{ "callId": "{call}", "kind": "add_note", "arguments": { "text": "Planted" } }""",
        ["agentcalls.conversation.v1.Calls.ConfirmAction"] = $$"""{ "callId": "{call}", "proposalId": "{proposal}", "requestId": "{{Guid.NewGuid()}}" }""",
        ["agentcalls.conversation.v1.Calls.RejectAction"] = """{ "callId": "{call}", "proposalId": "{proposal}" }""",
        ["agentcalls.conversation.v1.Calls.SaveCall"] = """{ "callId": "{call}", "summary": "Saved by another", "outcome": "CALL_OUTCOME_REACHED" }""",
        ["agentcalls.conversation.v1.Documents.GetDocument"] = """{ "documentId": "{document}" }""",
        ["agentcalls.conversation.v1.Documents.DeleteDocument"] = """{ "documentId": "{document}" }""",
        ["agentcalls.conversation.v1.Playbooks.UpdatePlaybookCard"] =
            """{ "cardId": "{card}", "card": { "cardId": "{card}", "title": "Hijacked", "guidance": "Say this.", "examples": ["anything"], "enabled": true } }""",
        ["agentcalls.transcription.v1.Recordings.GetRecording"] = """{ "recordingId": "{recording}" }""",
        ["agentcalls.transcription.v1.Recordings.GetTranscript"] = """{ "recordingId": "{recording}" }""",
        ["agentcalls.transcription.v1.Recordings.DeleteRecording"] = """{ "recordingId": "{recording}" }""",
    };

    /// <summary>RPCs whose id fields are not another agent's rows, each with why it is not probed like the rest.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotProbed = new Dictionary<string, string>
    {
        ["agentcalls.transcription.v1.Transcription.StreamTranscription"] =
            "a bidirectional stream only Conversation.Service's own token opens (an agent's token is PermissionDenied); its settings' call_id labels the stream and looks nothing up",
    };

    /// <summary>What an RPC answers another agent when it is not NotFound, and why. An OK answer must hold none of the owner's ids.</summary>
    public static readonly IReadOnlyDictionary<string, StatusCode> Answers = new Dictionary<string, StatusCode>
    {
        // Lists filtered by an id: another agent's id filters the caller's own rows down to none.
        ["agentcalls.clients.v1.Clients.ListClients"] = StatusCode.OK,
        ["agentcalls.conversation.v1.Conversation.ListCallLogs"] = StatusCode.OK,
        // Calendar's service client alone may ask for an agent's Google token: an agent's own token is refused outright.
        ["agentcalls.identity.v1.GoogleTokens.GetGoogleAccessTokenForAgent"] = StatusCode.PermissionDenied,
    };
}
