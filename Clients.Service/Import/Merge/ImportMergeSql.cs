namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// How a staged batch (<see cref="ImportStaging"/>) finds its place in the book, before <see cref="ImportClientWrites"/>
/// and <see cref="ImportPolicyWrites"/> write it: which staged clients and policies exist already and which are new,
/// and the households they name. Parameters: @agent, @now and @skip (duplicate mode).
/// </summary>
public static class ImportMergeSql
{
    /// <summary>
    /// Finds each staged client in the book: by AgentCalls id, external id, policy number, e-mail, then phone. Each
    /// probe is an index lookup per staged client; sequential scans are ruled out for the statement because a book
    /// that grew during this import has statistics that still call it small, and scanning it per staged row is quadratic.
    /// The phone probe keeps the agent out of its inner query (OFFSET 0 fences it) so only the GIN index on phones fits.
    /// A client or policy found nowhere is created under the id it was staged with.
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
        UPDATE import_policies SET action = 'create', policy_id = new_id WHERE policy_id IS NULL AND action <> 'skip';
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
}
