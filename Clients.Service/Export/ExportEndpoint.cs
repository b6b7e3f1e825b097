using AgentCalls.ServiceDefaults.Authentication;

namespace AgentCalls.Clients.Service.Export;

/// <summary>
/// The download of the book, a plain-HTTP step because gRPC JSON transcoding would buffer the body. It sits under
/// /api/clients, like the transcoded API.
/// </summary>
public static class ExportEndpoint
{
    public static WebApplication MapExportEndpoint(this WebApplication app)
    {
        app.MapGet("/api/clients/export", ExportAsync).RequireAuthorization();
        return app;
    }

    /// <summary><c>GET /api/clients/export</c>: the agent's book as CSV, streamed, in the format the import reads.</summary>
    private static async Task ExportAsync(HttpContext http, CurrentAgent agent, CsvExport export, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"book.csv\"";
        await export.WriteAsync(agent.Id, http.Response.Body, cancellationToken);
    }
}
