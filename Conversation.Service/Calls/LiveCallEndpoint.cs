using System.Net.WebSockets;
using AgentCalls.ServiceDefaults.Authentication;

namespace AgentCalls.Conversation.Service.Calls;

/// <summary>
/// <c>/api/calls/{id}/live</c>: the call's WebSocket (PROTOCOL.md). The gateway authenticates the session, checks
/// the Origin and attaches the agent's token; here the call must be the agent's own, else 404 before any upgrade.
/// </summary>
public static class LiveCallEndpoint
{
    public static IEndpointConventionBuilder MapLiveCall(this IEndpointRouteBuilder app) =>
        app.Map("/api/calls/{id}/live", async (string id, HttpContext http, CurrentAgent agent, CallReader calls, LiveCallSocket live) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A WebSocket is expected here.");
            }

            if (await calls.FindAsync(agent.Id, id, http.RequestAborted) is not { } call)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such call.");
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await live.RunAsync(call, socket, http.Request.Headers.Authorization.ToString(), http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization();
}
