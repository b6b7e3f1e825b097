namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// How an agent's Google Calendar is kept in step: the sync token of the last complete sync, a full sync's page
/// token and progress (so it resumes where it stopped), when the next sync is due, what went wrong last, and the
/// push channel Google notifies. One row per agent who connected Google Calendar.
/// </summary>
public sealed class GoogleSync
{
    public required Guid AgentId { get; init; }

    public string CalendarId { get; init; } = "primary";

    public GoogleSyncState State { get; set; } = GoogleSyncState.FullSync;

    /// <summary>Google's nextSyncToken from the last complete sync; null until the first full sync ends.</summary>
    public string? SyncToken { get; set; }

    /// <summary>The full sync in progress: the next page to read; null between pages of no full sync.</summary>
    public string? PageToken { get; set; }

    /// <summary>Increases with every full sync; rows of an older generation are removed when a full sync ends.</summary>
    public long Generation { get; set; }

    /// <summary>
    /// When the full sync in progress (or the last) began: its window is reckoned from then, and rows written after it
    /// (calls this service put on Google Calendar meanwhile) are not removed for being unseen.
    /// </summary>
    public DateTimeOffset? FullSyncStartedAt { get; set; }

    public int FullSyncEvents { get; set; }

    public int FullSyncPages { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the agent last asked for a sync now (<c>Calendar:SyncNowCooldown</c> is reckoned from then).</summary>
    public DateTimeOffset? SyncRequestedAt { get; set; }

    /// <summary>When the next sync is due; null when none is (the agent must reconnect).</summary>
    public DateTimeOffset? NextSyncAt { get; set; }

    /// <summary>A worker holds the row until then, so replicas never sync one agent at once.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>
    /// The run holding the lease. Every write of a run is conditional on it (a concurrency token), so a run that
    /// outlived its lease, and whose calendar another run took over, changes nothing.
    /// </summary>
    public Guid? LeaseHolder { get; set; }

    public string? ChannelId { get; set; }

    public string? ChannelResourceId { get; set; }

    /// <summary>The SHA-256 of the channel's secret token (<see cref="Security.SecretTokens"/>); the token itself is only Google's.</summary>
    public string? ChannelTokenHash { get; set; }

    public DateTimeOffset? ChannelExpiresAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public enum GoogleSyncState
{
    FullSync,
    Synced,
    BackingOff,
    Failed,
    ReconnectRequired,
}
