using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentCalls.FakeGoogle.Calendar;

/// <summary>
/// One Google account's primary calendar: every event ever made (deleted ones stay as "cancelled" tombstones, as
/// Google keeps them for incremental sync), a version that every change increases, the sync tokens handed out
/// (each remembers the version and window it was issued at) and the open page cursors.
/// </summary>
public sealed class FakeCalendar(string owner)
{
    public Lock Gate { get; } = new();

    public string Owner { get; } = owner;

    public string TimeZone { get; set; } = "UTC";

    /// <summary>Pages shorter than maxResults, every other one empty, each with a nextPageToken: Google may do either.</summary>
    public bool RaggedPages { get; set; }

    public long Version { get; private set; }

    /// <summary>Single events, recurring series and instance exceptions (whose id is the instance's), by id.</summary>
    public Dictionary<string, StoredEvent> Events { get; } = [];

    public Dictionary<string, SyncTokenState> SyncTokens { get; } = [];

    public Dictionary<string, PageCursor> Cursors { get; } = [];

    /// <summary>Stores a new or changed event: bumps the version and stamps updated, etag and sequence.</summary>
    public JsonObject Put(JsonObject resource, DateTimeOffset now)
    {
        var id = resource["id"]!.GetValue<string>();
        Version++;
        var existing = Events.GetValueOrDefault(id);
        resource["kind"] = "calendar#event";
        resource["etag"] = $"\"{Version}\"";
        resource["status"] ??= "confirmed";
        resource["htmlLink"] = $"https://www.google.com/calendar/event?eid={id}";
        resource["created"] = existing?.Resource["created"]?.DeepClone() ?? EventTimes.Rfc3339(now);
        resource["updated"] = EventTimes.Rfc3339(now);
        resource["iCalUID"] = existing?.Resource["iCalUID"]?.DeepClone() ?? $"{(resource["recurringEventId"]?.GetValue<string>() ?? id)}@google.com";
        resource["sequence"] = existing is null ? 0 : existing.Resource["sequence"]!.GetValue<int>() + 1;
        resource["creator"] = new JsonObject { ["email"] = Owner, ["self"] = true };
        resource["organizer"] = new JsonObject { ["email"] = Owner, ["self"] = true };
        resource["reminders"] ??= new JsonObject { ["useDefault"] = true };
        Events[id] = new StoredEvent(resource, Version);
        return resource;
    }

    /// <summary>Deletes as Google does: the event becomes a cancelled tombstone that incremental syncs report.</summary>
    public void Cancel(StoredEvent stored, DateTimeOffset now)
    {
        var tombstone = (JsonObject)stored.Resource.DeepClone();
        tombstone["status"] = "cancelled";
        Put(tombstone, now);
    }

    public string IssueSyncToken(SyncTokenState state)
    {
        var token = "CPj" + NewSecret();
        SyncTokens[token] = state;
        return token;
    }

    public string OpenCursor(PageCursor cursor)
    {
        var token = "CiAK" + NewSecret();
        Cursors[token] = cursor;
        return token;
    }

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));
}

public sealed record StoredEvent(JsonObject Resource, long Version)
{
    public string Id => Resource["id"]!.GetValue<string>();

    public bool IsCancelled => Resource["status"]?.GetValue<string>() == "cancelled";

    public bool IsSeries => Resource["recurrence"] is JsonArray;
}

/// <summary>What a sync token stands for: the calendar as of a version, seen through the full sync's query.</summary>
public sealed record SyncTokenState(long Version, DateTimeOffset? TimeMin, DateTimeOffset? TimeMax, bool SingleEvents);

/// <summary>The rest of a result set being paged through, and the sync token its last page will carry.</summary>
public sealed record PageCursor(List<JsonObject> Remaining, int MaxResults, string? NextSyncToken, int Served = 0);
