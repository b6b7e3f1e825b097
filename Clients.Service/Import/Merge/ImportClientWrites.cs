using System.Text.Json;
using System.Text.Json.Serialization;
using AgentCalls.Clients.Service.Clients;
using Npgsql;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// Writes the batch's staged clients (<see cref="ImportStaging"/>, matched by <see cref="ImportMergeSql"/>) into the
/// book: one INSERT for those to create, one UPDATE for those matched in update mode. Each statement returns the
/// values it wrote (an update also the values it replaced), read by name into <see cref="Client"/>s, from which the
/// journal writes the history and events the API would. Empty staged values never erase stored ones; phones and
/// tags are added to, not replaced; an update that changes nothing is not written.
/// </summary>
public static class ImportClientWrites
{
    /// <summary>Creates the clients staged with action create. Parameters: @agent, @now, @today.</summary>
    private static readonly string InsertSql = $"""
        INSERT INTO clients (id, agent_id, display_name, email, phones, address_line1, address_line2, address_city, address_region,
          address_postal_code, address_country_code, date_of_birth, household_id, contact_window_start, contact_window_end, time_zone,
          do_not_call, do_not_call_reason, do_not_call_since, recording_consent, tags, notes, external_id, last_contacted_at, last_outcome,
          created_at, updated_at, search_text)
        SELECT s.client_id, @agent, s.display_name, s.email, s.phones, s.address_line1, s.address_line2, s.address_city, s.address_region,
          s.address_postal_code, s.address_country_code, s.date_of_birth, s.household_id, s.contact_window_start, s.contact_window_end, s.time_zone,
          coalesce(s.do_not_call, false),
          CASE WHEN s.do_not_call THEN s.do_not_call_reason END,
          CASE WHEN s.do_not_call THEN coalesce(s.do_not_call_since, @today) END,
          coalesce(s.recording_consent, 'Unknown'), s.tags, s.notes, s.external_id, s.last_contacted_at, s.last_outcome,
          @now, @now, {ClientSearchText.Of("s")}
        FROM import_clients AS s
        WHERE s.action = 'create'
        RETURNING id, display_name, email, phones, address_line1, address_line2, address_city, address_region, address_postal_code,
          address_country_code, date_of_birth, household_id, contact_window_start, contact_window_end, time_zone, do_not_call,
          do_not_call_reason, do_not_call_since, recording_consent, tags, notes, external_id, last_contacted_at, last_outcome
        """;

    /// <summary>
    /// Updates the clients matched in update mode (the last staged row of a client wins) where the merged values
    /// differ from the stored ones, and returns both, the stored ones as <c>old_…</c>. Parameters: @agent, @now, @today.
    /// </summary>
    private static readonly string UpdateSql = $"""
        WITH src AS (
          SELECT DISTINCT ON (client_id) * FROM import_clients WHERE action = 'update' ORDER BY client_id, first_line DESC),
        m AS (
          SELECT t.id,
            t.display_name AS old_display_name, t.email AS old_email, t.phones AS old_phones, t.address_line1 AS old_address_line1,
            t.address_line2 AS old_address_line2, t.address_city AS old_address_city, t.address_region AS old_address_region,
            t.address_postal_code AS old_address_postal_code, t.address_country_code AS old_address_country_code,
            t.date_of_birth AS old_date_of_birth, t.household_id AS old_household_id, t.contact_window_start AS old_contact_window_start,
            t.contact_window_end AS old_contact_window_end, t.time_zone AS old_time_zone, t.do_not_call AS old_do_not_call,
            t.do_not_call_reason AS old_do_not_call_reason, t.do_not_call_since AS old_do_not_call_since,
            t.recording_consent AS old_recording_consent, t.tags AS old_tags, t.notes AS old_notes, t.external_id AS old_external_id,
            t.last_contacted_at AS old_last_contacted_at, t.last_outcome AS old_last_outcome,
            coalesce(s.display_name, t.display_name) AS display_name,
            coalesce(s.email, t.email) AS email,
            t.phones || coalesce((SELECT jsonb_agg(e) FROM jsonb_array_elements(s.phones) AS e
                                  WHERE NOT t.phones @> jsonb_build_array(jsonb_build_object('number', e->>'number'))), '[]'::jsonb) AS phones,
            coalesce(s.address_line1, t.address_line1) AS address_line1,
            coalesce(s.address_line2, t.address_line2) AS address_line2,
            coalesce(s.address_city, t.address_city) AS address_city,
            coalesce(s.address_region, t.address_region) AS address_region,
            coalesce(s.address_postal_code, t.address_postal_code) AS address_postal_code,
            coalesce(s.address_country_code, t.address_country_code) AS address_country_code,
            coalesce(s.date_of_birth, t.date_of_birth) AS date_of_birth,
            coalesce(s.household_id, t.household_id) AS household_id,
            coalesce(s.contact_window_start, t.contact_window_start) AS contact_window_start,
            coalesce(s.contact_window_end, t.contact_window_end) AS contact_window_end,
            coalesce(s.time_zone, t.time_zone) AS time_zone,
            coalesce(s.do_not_call, t.do_not_call) AS do_not_call,
            CASE WHEN coalesce(s.do_not_call, t.do_not_call) THEN coalesce(s.do_not_call_reason, t.do_not_call_reason) END AS do_not_call_reason,
            CASE WHEN coalesce(s.do_not_call, t.do_not_call) THEN coalesce(s.do_not_call_since, t.do_not_call_since, @today) END AS do_not_call_since,
            coalesce(s.recording_consent, t.recording_consent) AS recording_consent,
            t.tags || ARRAY(SELECT g FROM unnest(s.tags) AS g WHERE NOT g = ANY (t.tags)) AS tags,
            coalesce(s.notes, t.notes) AS notes,
            coalesce(s.external_id, t.external_id) AS external_id,
            greatest(t.last_contacted_at, s.last_contacted_at) AS last_contacted_at,
            coalesce(s.last_outcome, t.last_outcome) AS last_outcome
          FROM clients AS t JOIN src AS s ON s.client_id = t.id
          WHERE t.agent_id = @agent)
        UPDATE clients AS t SET
          display_name = m.display_name, email = m.email, phones = m.phones, address_line1 = m.address_line1, address_line2 = m.address_line2,
          address_city = m.address_city, address_region = m.address_region, address_postal_code = m.address_postal_code,
          address_country_code = m.address_country_code, date_of_birth = m.date_of_birth, household_id = m.household_id,
          contact_window_start = m.contact_window_start, contact_window_end = m.contact_window_end, time_zone = m.time_zone,
          do_not_call = m.do_not_call, do_not_call_reason = m.do_not_call_reason, do_not_call_since = m.do_not_call_since,
          recording_consent = m.recording_consent, tags = m.tags, notes = m.notes, external_id = m.external_id,
          last_contacted_at = m.last_contacted_at, last_outcome = m.last_outcome, updated_at = @now,
          search_text = {ClientSearchText.Of("m")}
        FROM m
        WHERE t.id = m.id
          AND (m.old_display_name, m.old_email, m.old_phones, m.old_address_line1, m.old_address_line2, m.old_address_city, m.old_address_region,
               m.old_address_postal_code, m.old_address_country_code, m.old_date_of_birth, m.old_household_id, m.old_contact_window_start,
               m.old_contact_window_end, m.old_time_zone, m.old_do_not_call, m.old_do_not_call_reason, m.old_do_not_call_since,
               m.old_recording_consent, m.old_tags, m.old_notes, m.old_external_id, m.old_last_contacted_at, m.old_last_outcome)
          IS DISTINCT FROM
              (m.display_name, m.email, m.phones, m.address_line1, m.address_line2, m.address_city, m.address_region,
               m.address_postal_code, m.address_country_code, m.date_of_birth, m.household_id, m.contact_window_start,
               m.contact_window_end, m.time_zone, m.do_not_call, m.do_not_call_reason, m.do_not_call_since,
               m.recording_consent, m.tags, m.notes, m.external_id, m.last_contacted_at, m.last_outcome)
        RETURNING m.*
        """;

    private static readonly JsonSerializerOptions PhonesJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The batch's clients' two statements, the merge runs them.</summary>
    public static readonly ImportWrite<Client> Statements = new(InsertSql, UpdateSql, Read);

    private static Client Read(ReturnedRow row, Guid agentId) => new()
    {
        Id = row.Key("id"),
        AgentId = agentId,
        DisplayName = row.Text("display_name")!,
        Email = row.Text("email"),
        Phones = JsonSerializer.Deserialize<List<ClientPhone>>(row.Text("phones")!, PhonesJson)!,
        Address = new PostalAddress
        {
            Line1 = row.Text("address_line1"),
            Line2 = row.Text("address_line2"),
            City = row.Text("address_city"),
            Region = row.Text("address_region"),
            PostalCode = row.Text("address_postal_code"),
            CountryCode = row.Text("address_country_code"),
        },
        DateOfBirth = row.Value<DateOnly>("date_of_birth"),
        HouseholdId = row.Value<Guid>("household_id"),
        ContactWindowStart = row.Value<TimeOnly>("contact_window_start"),
        ContactWindowEnd = row.Value<TimeOnly>("contact_window_end"),
        TimeZone = row.Text("time_zone"),
        DoNotCall = row.Value<bool>("do_not_call") ?? false,
        DoNotCallReason = row.Text("do_not_call_reason"),
        DoNotCallSince = row.Value<DateOnly>("do_not_call_since"),
        RecordingConsent = Enum.Parse<RecordingConsent>(row.Text("recording_consent")!),
        Tags = [.. row.Array("tags")],
        Notes = row.Text("notes"),
        ExternalId = row.Text("external_id"),
        LastContactedAt = row.Value<DateTimeOffset>("last_contacted_at"),
        LastOutcome = row.Text("last_outcome"),
    };
}
