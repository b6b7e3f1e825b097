using AgentCalls.Contracts.Transcription.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using RecordingsBase = AgentCalls.Contracts.Transcription.V1.Recordings.RecordingsBase;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>The Recordings contract: each rpc takes the agent from the token and hands over to <see cref="RecordingLibrary"/>.</summary>
public sealed class RecordingsGrpcService(CurrentAgent agent, RecordingLibrary library) : RecordingsBase
{
    public override async Task<GetRecordingResponse> GetRecording(GetRecordingRequest request, ServerCallContext context) =>
        new() { Recording = await library.GetAsync(agent.Id, request.RecordingId, context.CancellationToken) };

    public override Task<ListRecordingsResponse> ListRecordings(ListRecordingsRequest request, ServerCallContext context) =>
        library.ListAsync(agent.Id, request, context.CancellationToken);

    public override Task<GetTranscriptResponse> GetTranscript(GetTranscriptRequest request, ServerCallContext context) =>
        library.GetTranscriptAsync(agent.Id, request.RecordingId, context.CancellationToken);

    public override async Task<DeleteRecordingResponse> DeleteRecording(DeleteRecordingRequest request, ServerCallContext context)
    {
        await library.DeleteAsync(agent.Id, request.RecordingId, context.CancellationToken);
        return new DeleteRecordingResponse();
    }
}
