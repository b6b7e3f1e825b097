using AgentCalls.Clients.Service.Policies;
using Npgsql;

namespace AgentCalls.Clients.Service.Import.Merge;

/// <summary>
/// Writes the batch's staged policies (<see cref="ImportStaging"/>, matched by <see cref="ImportMergeSql"/>) into the
/// book: one INSERT for those to create, one UPDATE for those matched in update mode, each returning what it wrote
/// (an update also what it replaced), read by name into <see cref="Policy"/>s for the journal. Empty staged values
/// never erase stored ones; an update that changes nothing is not written.
/// </summary>
public static class ImportPolicyWrites
{
    /// <summary>
    /// Creates the policies staged with action create. A line of business or status the file did not give is the
    /// API's default; a file that says a policy lapsed without saying when leaves the date unknown (the day of the
    /// import is not it). Parameters: @agent, @now.
    /// </summary>
    private const string InsertSql = """
        INSERT INTO policies (id, agent_id, client_id, policy_number, carrier, line_of_business, line_of_business_text, status, status_text,
          premium_minor, currency, effective_on, expires_on, ended_on, notes, created_at, updated_at)
        SELECT s.policy_id, @agent, s.client_id, s.policy_number, s.carrier, coalesce(s.line_of_business, 'Other'), s.line_of_business_text,
          coalesce(s.status, 'Active'), s.status_text, coalesce(s.premium_minor, 0), coalesce(s.currency, 'USD'), s.effective_on, s.expires_on,
          CASE WHEN coalesce(s.status, 'Active') IN ('Lapsed', 'Cancelled', 'Other') THEN s.ended_on END,
          s.notes, @now, @now
        FROM import_policies AS s
        WHERE s.action = 'create'
        RETURNING id, client_id, policy_number, carrier, line_of_business, line_of_business_text, status, status_text, premium_minor, currency,
          effective_on, expires_on, ended_on, notes
        """;

    /// <summary>
    /// Updates the policies matched in update mode (the last staged row of a policy wins) where the merged values
    /// differ from the stored ones, and returns both, the stored ones as <c>old_…</c>. The file's words for an
    /// unknown line of business or status stay with the value they came with: a row giving a known value clears them.
    /// Parameters: @agent, @now.
    /// </summary>
    private const string UpdateSql = """
        WITH src AS (
          SELECT DISTINCT ON (policy_id) * FROM import_policies WHERE action = 'update' ORDER BY policy_id, line DESC),
        m AS (
          SELECT t.id, t.client_id, t.policy_number,
            t.policy_number AS old_policy_number, t.carrier AS old_carrier, t.line_of_business AS old_line_of_business,
            t.line_of_business_text AS old_line_of_business_text, t.status AS old_status, t.status_text AS old_status_text,
            t.premium_minor AS old_premium_minor, t.currency AS old_currency, t.effective_on AS old_effective_on,
            t.expires_on AS old_expires_on, t.ended_on AS old_ended_on, t.notes AS old_notes,
            coalesce(s.carrier, t.carrier) AS carrier,
            coalesce(s.line_of_business, t.line_of_business) AS line_of_business,
            CASE WHEN s.line_of_business IS NULL THEN t.line_of_business_text ELSE s.line_of_business_text END AS line_of_business_text,
            coalesce(s.status, t.status) AS status,
            CASE WHEN s.status IS NULL THEN t.status_text ELSE s.status_text END AS status_text,
            coalesce(s.premium_minor, t.premium_minor) AS premium_minor,
            coalesce(s.currency, t.currency) AS currency,
            coalesce(s.effective_on, t.effective_on) AS effective_on,
            coalesce(s.expires_on, t.expires_on) AS expires_on,
            CASE WHEN coalesce(s.status, t.status) IN ('Lapsed', 'Cancelled', 'Other') THEN coalesce(s.ended_on, t.ended_on) END AS ended_on,
            coalesce(s.notes, t.notes) AS notes
          FROM policies AS t JOIN src AS s ON s.policy_id = t.id
          WHERE t.agent_id = @agent)
        UPDATE policies AS t SET
          carrier = m.carrier, line_of_business = m.line_of_business, line_of_business_text = m.line_of_business_text, status = m.status,
          status_text = m.status_text, premium_minor = m.premium_minor, currency = m.currency, effective_on = m.effective_on,
          expires_on = m.expires_on, ended_on = m.ended_on, notes = m.notes, updated_at = @now
        FROM m
        WHERE t.id = m.id
          AND (m.old_carrier, m.old_line_of_business, m.old_line_of_business_text, m.old_status, m.old_status_text, m.old_premium_minor,
               m.old_currency, m.old_effective_on, m.old_expires_on, m.old_ended_on, m.old_notes)
          IS DISTINCT FROM
              (m.carrier, m.line_of_business, m.line_of_business_text, m.status, m.status_text, m.premium_minor,
               m.currency, m.effective_on, m.expires_on, m.ended_on, m.notes)
        RETURNING m.*
        """;

    /// <summary>The batch's policies' two statements, the merge runs them.</summary>
    public static readonly ImportWrite<Policy> Statements = new(InsertSql, UpdateSql, Read);

    private static Policy Read(ReturnedRow row, Guid agentId) => new()
    {
        Id = row.Key("id"),
        AgentId = agentId,
        ClientId = row.Key("client_id"),
        PolicyNumber = row.Text("policy_number")!,
        Carrier = row.Text("carrier")!,
        LineOfBusiness = Enum.Parse<LineOfBusiness>(row.Text("line_of_business")!),
        LineOfBusinessText = row.Text("line_of_business_text"),
        Status = Enum.Parse<PolicyStatus>(row.Text("status")!),
        StatusText = row.Text("status_text"),
        PremiumMinor = row.Value<long>("premium_minor") ?? 0,
        Currency = row.Text("currency")!,
        EffectiveOn = row.Value<DateOnly>("effective_on"),
        ExpiresOn = row.Value<DateOnly>("expires_on"),
        EndedOn = row.Value<DateOnly>("ended_on"),
        Notes = row.Text("notes"),
    };
}
