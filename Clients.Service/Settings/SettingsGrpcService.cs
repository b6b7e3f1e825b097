using AgentCalls.Contracts.Clients.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using SettingsBase = AgentCalls.Contracts.Clients.V1.Settings.SettingsBase;

namespace AgentCalls.Clients.Service.Settings;

public sealed class SettingsGrpcService(CurrentAgent agent, BookSettingsEditor editor) : SettingsBase
{
    public override Task<Contracts.Clients.V1.BookSettings> GetBookSettings(GetBookSettingsRequest request, ServerCallContext context) =>
        editor.GetAsync(agent.Id, context.CancellationToken);

    public override Task<Contracts.Clients.V1.BookSettings> UpdateBookSettings(UpdateBookSettingsRequest request, ServerCallContext context) =>
        editor.UpdateAsync(agent.Id, request, context.CancellationToken);
}
