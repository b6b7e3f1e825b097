namespace AgentCalls.Calendar.Service.Sync;

/// <summary>
/// Where the sync stands once a page is applied, saved in the page's own transaction: the next page to read (null
/// after the last), the new sync token (the last page's; null keeps the one held), a full sync's counts, the lease
/// extended, and, on a full sync's last page, the sweep that removes what the full sync did not see. Absolute values,
/// so a transaction tried again applies the same.
/// </summary>
public sealed record PageProgress(string? PageToken, string? SyncToken, int FullSyncEvents, int FullSyncPages, DateTimeOffset LeaseUntil, Sweep? Sweep)
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

/// <summary>
/// The end of a full sync: rows of the calendar it did not see are removed, but only those inside the window it read
/// (it says nothing of the rest) and written before it began (a call this service put on Google Calendar after the
/// listing started is simply not in it).
/// </summary>
public sealed record Sweep(long Generation, DateTimeOffset StartedAt, DateTimeOffset TimeMin, DateTimeOffset TimeMax);
