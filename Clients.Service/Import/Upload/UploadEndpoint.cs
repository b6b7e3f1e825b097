using AgentCalls.ServiceDefaults.Grpc;
using AgentCalls.ServiceDefaults.Authentication;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;
using Microsoft.Extensions.Options;
using AgentCalls.Clients.Service.Import.Jobs;

namespace AgentCalls.Clients.Service.Import.Upload;

/// <summary>
/// The upload of a CSV file, a plain-HTTP step because gRPC JSON transcoding would buffer the body. It sits under
/// /api/clients, like the transcoded API.
/// </summary>
public static class UploadEndpoint
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static WebApplication MapUploadEndpoint(this WebApplication app)
    {
        app.MapPost("/api/clients/imports", UploadAsync).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// <c>POST /api/clients/imports?fileName=book.csv</c>, the CSV as the body: 201 with the new import (its columns,
    /// suggested mapping and row count); problem details otherwise: 400 naming <c>file</c> or <c>fileName</c>, 413
    /// naming <c>file</c> past <c>Import:MaxFileBytes</c>, 429 past one of the agent's quotas. A body sent slower than
    /// <c>Import:MinUploadBytesPerSecond</c> is cut off.
    /// </summary>
    private static async Task<IResult> UploadAsync(
        HttpContext http, CurrentAgent agent, CsvUpload upload, ImportJobs jobs, ImportQuotas quotas, IOptions<ImportOptions> options, string? fileName,
        CancellationToken cancellationToken)
    {
        // One byte over the limit still reaches the upload, which answers with the field and the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxFileBytes + 1;
        }

        // Kestrel sets a rate per request on HTTP/1.1 only (the gateway's HTTP/2 forward is bounded by the gateway's own
        // Gateway:MinRequestBodyBytesPerSecond, where the client's bytes arrive).
        if (HttpProtocol.IsHttp11(http.Request.Protocol) && http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate
            && options.Value.MinUploadBytesPerSecond > 0)
        {
            rate.MinDataRate = new MinDataRate(options.Value.MinUploadBytesPerSecond, options.Value.UploadGracePeriod);
        }

        try
        {
            using var slot = quotas.TakeUploadSlot(agent.Id);
            var id = await upload.StoreAsync(agent.Id, fileName, http.Request.Body, cancellationToken);
            var import = await jobs.GetAsync(agent.Id, id.ToString(), cancellationToken);
            return Results.Text(Json.Format(import), "application/json", statusCode: StatusCodes.Status201Created);
        }
        catch (Exception e) when (e is FileTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            var message = $"is larger than {options.Value.MaxFileBytes:N0} bytes, the most an import takes.";
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] },
                detail: $"The file {message}", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (RpcException e)
        {
            return GrpcProblems.ToResult(e, e.StatusCode == StatusCode.ResourceExhausted ? "Import limit reached" : null);
        }
    }
}
