using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.ServiceDefaults.Authentication;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AgentCalls.Transcription.Service.Recordings;

/// <summary>
/// <c>POST /api/transcription/recordings?fileName=call.mp3&amp;speaker=agent&amp;engine=&amp;vocabulary=…</c> with the
/// file as the body (plain HTTP: transcoding would buffer it). 201 with the queued recording; problem details naming the
/// field otherwise (400, 413 over <c>Transcription:Recordings:MaxBytes</c>, 429 when the month's allowance cannot hold it).
/// </summary>
public static class RecordingUploadEndpoint
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void MapRecordingUpload(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/transcription/recordings", UploadAsync).RequireAuthorization();

    private static async Task<IResult> UploadAsync(
        HttpContext http, CurrentAgent agent, RecordingUpload upload, RecordingLibrary library, IOptions<RecordingsOptions> options,
        string? fileName, string? speaker, string? engine, [FromQuery] string[]? vocabulary, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.Value.MaxBytes + 1;
        }

        try
        {
            var id = await upload.StoreAsync(agent.Id, new RecordingUploadRequest(fileName, speaker, engine, vocabulary ?? []), http.Request.Body, cancellationToken);
            var recording = await library.GetAsync(agent.Id, id.ToString(), cancellationToken);
            return Results.Text(Json.Format(recording), "application/json", statusCode: StatusCodes.Status201Created);
        }
        catch (RecordingRejectedException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] },
                detail: $"The recording was not accepted: {e.Field} {e.Message}", statusCode: e.StatusCode);
        }
        catch (RpcException e)
        {
            return GrpcProblems.ToResult(e, e.StatusCode == StatusCode.ResourceExhausted ? "Transcription allowance used up" : null);
        }
    }
}
