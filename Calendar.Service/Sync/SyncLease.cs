namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// A worker's claim on one calendar's sync: the run's id (written to the row, and required by every write of the
/// run) and the time the lease ends, which the claim also wrote as the next sync time (so a run that dies is tried
/// again then, and a wake-up during the run shows as an earlier time).
/// </summary>
public sealed record SyncLease(Guid AgentId, Guid Holder, DateTimeOffset Until);
