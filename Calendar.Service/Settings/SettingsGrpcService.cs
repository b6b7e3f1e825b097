using AgentCalls.Contracts.Calendar.V1;
using AgentCalls.ServiceDefaults.Authentication;
using Grpc.Core;
using SettingsBase = AgentCalls.Contracts.Calendar.V1.Settings.SettingsBase;

namespace AgentCalls.Calendar.Service.Settings;

public sealed class SettingsGrpcService(CurrentAgent agent, SettingsStore store) : SettingsBase
{
    public override async Task<CalendarSettings> GetCalendarSettings(GetCalendarSettingsRequest request, ServerCallContext context) =>
        SettingsMessages.ToMessage(await store.GetAsync(agent.Id, context.CancellationToken));

    public override async Task<CalendarSettings> UpdateCalendarSettings(UpdateCalendarSettingsRequest request, ServerCallContext context) =>
        SettingsMessages.ToMessage(await store.ReplaceAsync(SettingsMessages.FromMessage(agent.Id, request.Settings), context.CancellationToken));
}
