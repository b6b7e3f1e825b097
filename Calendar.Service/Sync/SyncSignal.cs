using AgentCalls.ServiceDefaults;

namespace AgentCalls.Calendar.Service.Sync;

/// <summary>Wakes the sync worker when a sync became due now (a notification, SyncNow, a new connection).</summary>
public sealed class SyncSignal : WakeUpSignal;
