using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Clients.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallQueueEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The call queue's ranking, kept per client (see CallQueue/CallQueueRefresh.cs). Statement-level triggers
            // mark the clients a write touched as stale, whatever wrote them (the API, the import's set-based merge,
            // events, a bulk load), so the next read re-ranks just those (a deleted client: drops its entry). No foreign
            // key to clients: checking one per row made ranking a whole book a third slower.
            migrationBuilder.Sql("""
                CREATE TABLE call_queue_entries (
                  client_id uuid PRIMARY KEY,
                  agent_id uuid NOT NULL,
                  score integer NOT NULL,
                  callback boolean NOT NULL,
                  lapse_policy_id uuid,
                  lapse_policy_number text,
                  lapse_days integer,
                  renewal_policy_id uuid,
                  renewal_policy_number text,
                  renewal_days integer,
                  quiet_days integer);
                CREATE INDEX ix_call_queue_entries_agent_id_score_client_id ON call_queue_entries (agent_id, score DESC, client_id);
                CREATE TABLE call_queue_rankings (agent_id uuid PRIMARY KEY, ranked_on date NOT NULL, rules text NOT NULL);
                CREATE TABLE call_queue_stale (client_id uuid PRIMARY KEY, agent_id uuid NOT NULL);
                CREATE INDEX ix_call_queue_stale_agent_id ON call_queue_stale (agent_id);

                CREATE FUNCTION call_queue_stale_clients() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO call_queue_stale (client_id, agent_id) SELECT DISTINCT id, agent_id FROM changed ON CONFLICT DO NOTHING;
                  RETURN NULL;
                END $$;
                CREATE FUNCTION call_queue_stale_policy_clients() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO call_queue_stale (client_id, agent_id) SELECT DISTINCT client_id, agent_id FROM changed ON CONFLICT DO NOTHING;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER call_queue_clients_inserted AFTER INSERT ON clients
                  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION call_queue_stale_clients();
                CREATE TRIGGER call_queue_clients_updated AFTER UPDATE ON clients
                  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION call_queue_stale_clients();
                CREATE TRIGGER call_queue_clients_deleted AFTER DELETE ON clients
                  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION call_queue_stale_clients();
                CREATE TRIGGER call_queue_policies_inserted AFTER INSERT ON policies
                  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION call_queue_stale_policy_clients();
                CREATE TRIGGER call_queue_policies_updated AFTER UPDATE ON policies
                  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION call_queue_stale_policy_clients();
                CREATE TRIGGER call_queue_policies_deleted AFTER DELETE ON policies
                  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION call_queue_stale_policy_clients();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER call_queue_policies_deleted ON policies;
                DROP TRIGGER call_queue_policies_updated ON policies;
                DROP TRIGGER call_queue_policies_inserted ON policies;
                DROP TRIGGER call_queue_clients_deleted ON clients;
                DROP TRIGGER call_queue_clients_updated ON clients;
                DROP TRIGGER call_queue_clients_inserted ON clients;
                DROP FUNCTION call_queue_stale_policy_clients();
                DROP FUNCTION call_queue_stale_clients();
                DROP TABLE call_queue_stale;
                DROP TABLE call_queue_rankings;
                DROP TABLE call_queue_entries;
                """);
        }
    }
}
