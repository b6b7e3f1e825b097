namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// Where the sync stands once a page is applied, saved in the page's own transaction: the next page to read (null
/// after the last), the new sync token (the last page's; null keeps the one held), a full sync's counts, the lease
/// extended, and whether this page ends a full sync (so what it did not see is removed with it). Absolute values,
/// so a transaction tried again applies the same.
/// </summary>
public sealed record PageProgress(string? PageToken, string? SyncToken, int FullSyncEvents, int FullSyncPages, DateTimeOffset LeaseUntil, bool EndsFullSync)
{
    public void ApplyTo(GoogleSync state)
    {
        state.PageToken = PageToken;
        state.SyncToken = SyncToken ?? state.SyncToken;
        state.FullSyncEvents = FullSyncEvents;
        state.FullSyncPages = FullSyncPages;
        state.LeaseUntil = LeaseUntil;
    }
}
