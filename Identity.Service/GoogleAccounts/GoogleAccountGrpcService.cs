using AgentCalls.Contracts.Identity.V1;
using AgentCalls.Identity.Service.SignIn;
using AgentCalls.ServiceDefaults.Authentication;
using AgentCalls.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using GoogleAccountBase = AgentCalls.Contracts.Identity.V1.GoogleAccount.GoogleAccountBase;
using GoogleConnectionMessage = AgentCalls.Contracts.Identity.V1.GoogleConnection;

namespace AgentCalls.Identity.Service.GoogleAccounts;

public sealed class GoogleAccountGrpcService(CurrentAgent agent, GoogleTokenVault vault, GoogleConnectTickets tickets, SignInMethods methods) : GoogleAccountBase
{
    public override async Task<GoogleConnectionMessage> GetGoogleConnection(GetGoogleConnectionRequest request, ServerCallContext context) =>
        ToMessage(await vault.FindAsync(agent.Id, context.CancellationToken));

    public override Task<StartGoogleConnectionResponse> StartGoogleConnection(StartGoogleConnectionRequest request, ServerCallContext context)
    {
        if (!methods.Google)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "No Google client is configured for AgentCalls."));
        }

        var returnPath = request.ReturnPath.Length == 0 ? "/settings" : request.ReturnPath;
        if (!returnPath.StartsWith('/') || returnPath.StartsWith("//", StringComparison.Ordinal) || returnPath.StartsWith("/\\", StringComparison.Ordinal)
            || !Uri.IsWellFormedUriString(returnPath, UriKind.Relative))
        {
            throw FieldViolations.Single("returnPath", "must be a path of this site, like /settings.");
        }

        // Relative to the browser's origin: the gateway serves Identity's pages under /auth.
        return Task.FromResult(new StartGoogleConnectionResponse
        {
            AuthorizationUrl = $"{Hosting.ApplicationServicesExtensions.PathBase}/google/connect?ticket={Uri.EscapeDataString(tickets.Issue(agent.Id, returnPath))}",
        });
    }

    public override async Task<GoogleConnectionMessage> DisconnectGoogle(DisconnectGoogleRequest request, ServerCallContext context)
    {
        await vault.DisconnectAsync(agent.Id, context.CancellationToken);
        return ToMessage(null);
    }

    private GoogleConnectionMessage ToMessage(GoogleConnection? connection)
    {
        var message = new GoogleConnectionMessage
        {
            GoogleAvailable = methods.Google,
            Status = connection?.Status switch
            {
                null => Contracts.Identity.V1.GoogleConnectionStatus.NotConnected,
                GoogleConnectionStatus.Connected => Contracts.Identity.V1.GoogleConnectionStatus.Connected,
                _ => Contracts.Identity.V1.GoogleConnectionStatus.ReconnectRequired,
            },
        };
        if (connection is not null)
        {
            message.GoogleEmail = connection.GoogleEmail;
            message.Scopes.AddRange(connection.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            message.ConnectedAt = Timestamp.FromDateTimeOffset(connection.ConnectedAt);
            message.Reason = connection.StatusReason ?? "";
        }

        return message;
    }
}
