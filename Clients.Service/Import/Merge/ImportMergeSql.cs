using AgentCalls.Clients.Service.Clients;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// The set-based merge of a staged batch into the book, as SQL over the staging tables (<see cref="ImportStaging"/>).
/// Parameters: @agent, @now, @today, @source (the import's id) and @skip (duplicate mode). Empty staged values never
/// erase stored ones; phones and tags are added to, not replaced; an update that changes nothing is not written.
/// </summary>
public static class ImportMergeSql
{
    private const string FormatTime = "to_char({0}, 'HH24:MI')";
    private const string DoNotCall = "coalesce(s.do_not_call, t.do_not_call)";
    private const string PolicyStatus = "coalesce(s.status, t.status)";

    public static readonly IReadOnlyList<MergedField> ClientFields =
    [
        MergedField.Given("displayName", "display_name", "{0}"),
        MergedField.Given("email", "email", "{0}"),
        new("phones", "phones",
            "t.phones || coalesce((SELECT jsonb_agg(e) FROM jsonb_array_elements(s.phones) AS e WHERE NOT t.phones @> jsonb_build_array(jsonb_build_object('number', e->>'number'))), '[]'::jsonb)",
            "s.phones",
            "(SELECT string_agg((p->>'number') || ' (' || lower(p->>'type') || ')', '; ') FROM jsonb_array_elements({0}) AS p)"),
        MergedField.Given("address.line1", "address_line1", "{0}"),
        MergedField.Given("address.line2", "address_line2", "{0}"),
        MergedField.Given("address.city", "address_city", "{0}"),
        MergedField.Given("address.region", "address_region", "{0}"),
        MergedField.Given("address.postalCode", "address_postal_code", "{0}"),
        MergedField.Given("address.countryCode", "address_country_code", "{0}"),
        MergedField.Given("dateOfBirth", "date_of_birth"),
        MergedField.Given("householdId", "household_id"),
        MergedField.Given("contactWindowStart", "contact_window_start", FormatTime),
        MergedField.Given("contactWindowEnd", "contact_window_end", FormatTime),
        MergedField.Given("timeZone", "time_zone", "{0}"),
        new("doNotCall", "do_not_call", DoNotCall, "coalesce(s.do_not_call, false)"),
        new("doNotCallReason", "do_not_call_reason",
            $"CASE WHEN {DoNotCall} THEN coalesce(s.do_not_call_reason, t.do_not_call_reason) END",
            "CASE WHEN s.do_not_call THEN s.do_not_call_reason END", "{0}"),
        new("doNotCallSince", "do_not_call_since",
            $"CASE WHEN {DoNotCall} THEN coalesce(s.do_not_call_since, t.do_not_call_since, @today) END",
            "CASE WHEN s.do_not_call THEN coalesce(s.do_not_call_since, @today) END"),
        new("recordingConsent", "recording_consent", "coalesce(s.recording_consent, t.recording_consent)", "coalesce(s.recording_consent, 'Unknown')", "lower({0})"),
        new("tags", "tags", "t.tags || ARRAY(SELECT g FROM unnest(s.tags) AS g WHERE NOT g = ANY (t.tags))", "s.tags", "nullif(array_to_string({0}, ', '), '')"),
        MergedField.Given("notes", "notes", "{0}"),
        MergedField.Given("externalId", "external_id", "{0}"),
        new("lastContactedAt", "last_contacted_at", "greatest(t.last_contacted_at, s.last_contacted_at)", "s.last_contacted_at",
            """to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"""),
        MergedField.Given("lastOutcome", "last_outcome", "{0}"),
    ];

    public static readonly IReadOnlyList<MergedField> PolicyFields =
    [
        new("policyNumber", "policy_number", "t.policy_number", "s.policy_number", "{0}"),
        MergedField.Given("carrier", "carrier", "{0}"),
        new("lineOfBusiness", "line_of_business", "coalesce(s.line_of_business, t.line_of_business)", "coalesce(s.line_of_business, 'Other')", "lower({0})"),
        // The file's words stay with the value they came with: a row giving a known value clears them.
        new("lineOfBusinessText", "line_of_business_text",
            "CASE WHEN s.line_of_business IS NULL THEN t.line_of_business_text ELSE s.line_of_business_text END", "s.line_of_business_text", "{0}"),
        new("status", "status", PolicyStatus, "coalesce(s.status, 'Active')", "lower({0})"),
        new("statusText", "status_text", "CASE WHEN s.status IS NULL THEN t.status_text ELSE s.status_text END", "s.status_text", "{0}"),
        new("premiumMinor", "premium_minor", "coalesce(s.premium_minor, t.premium_minor)", "coalesce(s.premium_minor, 0)"),
        new("currencyCode", "currency", "coalesce(s.currency, t.currency)", "coalesce(s.currency, 'USD')", "{0}::text"),
        MergedField.Given("effectiveDate", "effective_on"),
        MergedField.Given("expirationDate", "expires_on"),
        // A file that says a policy lapsed without saying when leaves the date unknown: the day of the import is not it.
        new("endDate", "ended_on",
            $"CASE WHEN {PolicyStatus} IN ('Lapsed', 'Cancelled', 'Other') THEN coalesce(s.ended_on, t.ended_on) END",
            "CASE WHEN coalesce(s.status, 'Active') IN ('Lapsed', 'Cancelled', 'Other') THEN s.ended_on END"),
        MergedField.Given("notes", "notes", "{0}"),
    ];

    /// <summary>
    /// Finds each staged client in the book: by AgentCalls id, external id, policy number, e-mail, then phone. Each
    /// probe is an index lookup per staged client; sequential scans are ruled out for the statement because a book
    /// that grew during this import has statistics that still call it small, and scanning it per staged row is quadratic.
    /// The phone probe keeps the agent out of its inner query (OFFSET 0 fences it) so only the GIN index on phones fits.
    /// </summary>
    public const string MatchClients = """
        SET LOCAL enable_seqscan = off;
        UPDATE import_clients AS s SET client_id = coalesce(
          (SELECT c.id FROM clients AS c WHERE c.agent_id = @agent AND c.id = s.client_ref),
          (SELECT min(c.id::text)::uuid FROM clients AS c WHERE c.agent_id = @agent AND c.external_id = s.external_id),
          (SELECT min(p.client_id::text)::uuid FROM policies AS p WHERE p.agent_id = @agent AND p.policy_number = ANY (s.policy_numbers)),
          (SELECT min(c.id::text)::uuid FROM clients AS c WHERE c.agent_id = @agent AND c.email = ANY (s.emails)),
          (SELECT min(x.id::text)::uuid FROM (
             SELECT c.id, c.agent_id FROM unnest(s.phone_numbers) AS n(number)
             JOIN clients AS c ON c.phones @> jsonb_build_array(jsonb_build_object('number', n.number))
             OFFSET 0) AS x
           WHERE x.agent_id = @agent));
        SET LOCAL enable_seqscan = on;
        UPDATE import_clients SET
          action = CASE WHEN client_id IS NULL THEN 'create' WHEN @skip THEN 'skip' ELSE 'update' END,
          client_id = coalesce(client_id, new_id);
        UPDATE import_policies AS ip SET client_id = s.client_id, action = s.action FROM import_clients AS s WHERE s.group_no = ip.group_no;
        UPDATE import_policies AS ip SET policy_id = p.id, client_id = p.client_id, action = CASE WHEN ip.action = 'skip' THEN 'skip' ELSE 'update' END
          FROM policies AS p WHERE p.agent_id = @agent AND p.policy_number = ip.policy_number;
        UPDATE import_policies SET action = 'create', policy_id = gen_random_uuid() WHERE policy_id IS NULL AND action <> 'skip';
        """;

    /// <summary>Households named by the batch are found or created by name.</summary>
    public const string Households = """
        INSERT INTO households (id, agent_id, name, normalized_name, created_at)
        SELECT DISTINCT ON (lower(household)) gen_random_uuid(), @agent, household, lower(household), @now
        FROM import_clients WHERE household IS NOT NULL AND action <> 'skip'
        ORDER BY lower(household), first_line
        ON CONFLICT (agent_id, normalized_name) DO NOTHING;
        UPDATE import_clients AS s SET household_id = h.id FROM households AS h WHERE h.agent_id = @agent AND h.normalized_name = lower(s.household);
        """;

    public static readonly string InsertClients = Insert("clients", "import_clients", "client_id", ClientFields, "Client", "NULL::uuid", "NULL::text", ", search_text", ", " + ClientSearchText.Of("s"));

    public static readonly string UpdateClients = Update("clients", "import_clients", "client_id", "first_line", ClientFields, "Client", "NULL::uuid", "NULL::text");

    public static readonly string InsertPolicies = Insert("policies", "import_policies", "policy_id", PolicyFields, "Policy", "i.id", "i.policy_number", ", client_id", ", s.client_id");

    public static readonly string UpdatePolicies = Update("policies", "import_policies", "policy_id", "line", PolicyFields, "Policy", "t.id", "t.policy_number");

    /// <summary>New clients got their search text as they were inserted; updated ones get it here.</summary>
    public static readonly string RefreshSearchText = ClientSearchText.RefreshSql("c.id IN (SELECT client_id FROM import_clients WHERE action = 'update')");

    /// <summary>Inserts the staged rows whose action is create, with a "created" history entry each, noted for its event.</summary>
    private static string Insert(string table, string staging, string key, IReadOnlyList<MergedField> fields, string subject, string policyId, string policyNumber, string extraColumns, string extraValues)
    {
        var changes = MergedField.ChangesJson(fields, null, i => $"i.{fields[i].Column}");
        var clientId = subject == "Client" ? "i.id" : "i.client_id";
        return $"""
            WITH inserted AS (
              INSERT INTO {table} (id, agent_id, {string.Join(", ", fields.Select(f => f.Column))}, created_at, updated_at{extraColumns})
              SELECT s.{key}, @agent, {string.Join(", ", fields.Select(f => f.Insert))}, @now, @now{extraValues}
              FROM {staging} AS s WHERE s.action = 'create'
              RETURNING *),
            noted AS (
              INSERT INTO import_changes (subject, change, client_id, policy_id, fields)
              SELECT '{subject}', 'Created', {clientId}, {policyId}, ARRAY[]::text[] FROM inserted AS i)
            INSERT INTO client_history (id, agent_id, client_id, policy_id, policy_number, subject, action, actor, source_id, changes, changed_at)
            SELECT gen_random_uuid(), @agent, {clientId}, {policyId}, {policyNumber}, '{subject}', 'Created', 'Import', @source, {changes}, @now
            FROM inserted AS i
            """;
    }

    /// <summary>
    /// Updates the rows matched in update mode with the staged values, writing only those that change, each with an
    /// "updated" history entry and noted, with the fields that changed, for its event; answers how many changed.
    /// </summary>
    private static string Update(string table, string staging, string key, string order, IReadOnlyList<MergedField> fields, string subject, string policyId, string policyNumber)
    {
        var olds = string.Join(", ", fields.Select((f, i) => $"t.{f.Column} AS o{i}"));
        var news = string.Join(", ", fields.Select((f, i) => $"{f.Update} AS n{i}"));
        var changes = MergedField.ChangesJson(fields, i => $"m.o{i}", i => $"m.n{i}");
        var clientId = subject == "Client" ? "m.id" : "m.client_id";
        return $"""
            WITH src AS (SELECT DISTINCT ON ({key}) * FROM {staging} WHERE action = 'update' ORDER BY {key}, {order} DESC),
            merged AS (
              SELECT t.id, {(subject == "Client" ? "t.id AS client_id" : "t.client_id")}, {policyId} AS policy_id, {policyNumber} AS policy_number, {olds}, {news}
              FROM {table} AS t JOIN src AS s ON s.{key} = t.id WHERE t.agent_id = @agent),
            changed AS (
              SELECT * FROM merged
              WHERE ROW({string.Join(", ", fields.Select((_, i) => $"o{i}"))}) IS DISTINCT FROM ROW({string.Join(", ", fields.Select((_, i) => $"n{i}"))})),
            updated AS (
              UPDATE {table} AS t SET {string.Join(", ", fields.Select((f, i) => $"{f.Column} = m.n{i}"))}, updated_at = @now
              FROM changed AS m WHERE t.id = m.id RETURNING t.id),
            history AS (
              INSERT INTO client_history (id, agent_id, client_id, policy_id, policy_number, subject, action, actor, source_id, changes, changed_at)
              SELECT gen_random_uuid(), @agent, {clientId}, m.policy_id, m.policy_number, '{subject}', 'Updated', 'Import', @source, {changes}, @now
              FROM changed AS m
              RETURNING client_id, policy_id, changes),
            noted AS (
              INSERT INTO import_changes (subject, change, client_id, policy_id, fields)
              SELECT '{subject}', 'Updated', h.client_id, h.policy_id, ARRAY(SELECT x->>'field' FROM jsonb_array_elements(h.changes) AS x) FROM history AS h)
            SELECT count(*)::int FROM updated
            """;
    }
}
