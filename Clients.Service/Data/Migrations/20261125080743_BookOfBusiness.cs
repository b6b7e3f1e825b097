using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace AgentCalls.Clients.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class BookOfBusiness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_policies_agent_id_policy_number",
                table: "policies");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ended_on",
                table: "policies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "notes",
                table: "policies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "policies",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "address_city",
                table: "clients",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_country_code",
                table: "clients",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_line1",
                table: "clients",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_line2",
                table: "clients",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_postal_code",
                table: "clients",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address_region",
                table: "clients",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "callback_requested_at",
                table: "clients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "contact_window_end",
                table: "clients",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "contact_window_start",
                table: "clients",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "date_of_birth",
                table: "clients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "do_not_call",
                table: "clients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "do_not_call_reason",
                table: "clients",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "do_not_call_since",
                table: "clients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "clients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "household_id",
                table: "clients",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_contacted_at",
                table: "clients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_outcome",
                table: "clients",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phones",
                table: "clients",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // The single phone column becomes the first entry of the phone list.
            migrationBuilder.Sql("UPDATE clients SET phones = jsonb_build_array(jsonb_build_object('number', phone, 'type', 'Other')) WHERE phone IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "clients");


            migrationBuilder.AddColumn<string>(
                name: "recording_consent",
                table: "clients",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                table: "clients",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<string>>(
                name: "tags",
                table: "clients",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "clients",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "clients",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "clients",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', search_text)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "book_settings",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    renewal_window_days = table.Column<int>(type: "integer", nullable: false),
                    contact_interval_days = table.Column<int>(type: "integer", nullable: false),
                    lapse_window_days = table.Column<int>(type: "integer", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    region = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_book_settings", x => x.agent_id);
                });

            migrationBuilder.CreateTable(
                name: "client_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    policy_id = table.Column<Guid>(type: "uuid", nullable: true),
                    policy_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_client_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    file_bytes = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dry_run = table.Column<bool>(type: "boolean", nullable: false),
                    duplicate_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mapping = table.Column<string>(type: "jsonb", nullable: false),
                    delimiter = table.Column<char>(type: "character(1)", nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    rows_done = table.Column<int>(type: "integer", nullable: false),
                    clients_created = table.Column<int>(type: "integer", nullable: false),
                    clients_updated = table.Column<int>(type: "integer", nullable: false),
                    clients_unchanged = table.Column<int>(type: "integer", nullable: false),
                    policies_created = table.Column<int>(type: "integer", nullable: false),
                    policies_updated = table.Column<int>(type: "integer", nullable: false),
                    rows_failed = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_calls",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_calls", x => new { x.agent_id, x.event_id });
                });

            migrationBuilder.CreateTable(
                name: "import_errors",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    column = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_errors", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_errors_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_file_chunks",
                columns: table => new
                {
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_file_chunks", x => new { x.import_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_import_file_chunks_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_preview",
                columns: table => new
                {
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: true),
                    policy_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_preview", x => new { x.import_id, x.line });
                    table.ForeignKey(
                        name: "fk_import_preview_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_policies_agent_id_policy_number",
                table: "policies",
                columns: new[] { "agent_id", "policy_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_policies_agent_id_status_ended_on",
                table: "policies",
                columns: new[] { "agent_id", "status", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "ix_clients_agent_id_email",
                table: "clients",
                columns: new[] { "agent_id", "email" });

            migrationBuilder.CreateIndex(
                name: "ix_clients_agent_id_external_id",
                table: "clients",
                columns: new[] { "agent_id", "external_id" });

            migrationBuilder.CreateIndex(
                name: "ix_clients_agent_id_last_contacted_at",
                table: "clients",
                columns: new[] { "agent_id", "last_contacted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_clients_household_id",
                table: "clients",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_clients_search_text",
                table: "clients",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_clients_search_vector",
                table: "clients",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_clients_tags",
                table: "clients",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_client_history_agent_id_client_id_changed_at_id",
                table: "client_history",
                columns: new[] { "agent_id", "client_id", "changed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_households_agent_id_normalized_name",
                table: "households",
                columns: new[] { "agent_id", "normalized_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_errors_import_id_line_id",
                table: "import_errors",
                columns: new[] { "import_id", "line", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_imports_agent_id_created_at",
                table: "imports",
                columns: new[] { "agent_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_imports_queued_at",
                table: "imports",
                column: "queued_at",
                filter: "status IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_calls_client_id_starts_at",
                table: "scheduled_calls",
                columns: new[] { "client_id", "starts_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_clients_households_household_id",
                table: "clients",
                column: "household_id",
                principalTable: "households",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Imports match rows to clients by phone: containment queries on the phone list use this index.
            // Without fastupdate: a pending list would make every probe during a large import scan it.
            migrationBuilder.Sql("CREATE INDEX ix_clients_phones ON clients USING gin (phones jsonb_path_ops) WITH (fastupdate = off);");
            // The query box finds policy numbers by substring.
            migrationBuilder.Sql("CREATE INDEX ix_policies_policy_number_trgm ON policies USING gin (lower(policy_number) gin_trgm_ops);");
            migrationBuilder.Sql("""
                UPDATE clients AS c SET search_text = lower(concat_ws(' ', c.display_name, c.email, c.external_id,
                    (SELECT string_agg(substr(p->>'number', 2), ' ') FROM jsonb_array_elements(c.phones) AS p)));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_clients_phones;");
            migrationBuilder.Sql("DROP INDEX ix_policies_policy_number_trgm;");

            migrationBuilder.DropForeignKey(
                name: "fk_clients_households_household_id",
                table: "clients");

            migrationBuilder.DropTable(
                name: "book_settings");

            migrationBuilder.DropTable(
                name: "client_history");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "import_errors");

            migrationBuilder.DropTable(
                name: "import_file_chunks");

            migrationBuilder.DropTable(
                name: "import_preview");

            migrationBuilder.DropTable(
                name: "scheduled_calls");

            migrationBuilder.DropTable(
                name: "imports");

            migrationBuilder.DropIndex(
                name: "ix_policies_agent_id_policy_number",
                table: "policies");

            migrationBuilder.DropIndex(
                name: "ix_policies_agent_id_status_ended_on",
                table: "policies");

            migrationBuilder.DropIndex(
                name: "ix_clients_agent_id_email",
                table: "clients");

            migrationBuilder.DropIndex(
                name: "ix_clients_agent_id_external_id",
                table: "clients");

            migrationBuilder.DropIndex(
                name: "ix_clients_agent_id_last_contacted_at",
                table: "clients");

            migrationBuilder.DropIndex(
                name: "ix_clients_household_id",
                table: "clients");

            migrationBuilder.DropIndex(
                name: "ix_clients_search_text",
                table: "clients");

            migrationBuilder.DropIndex(
                name: "ix_clients_search_vector",
                table: "clients");

            migrationBuilder.DropIndex(
                name: "ix_clients_tags",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "ended_on",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "notes",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "address_city",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "address_country_code",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "address_line1",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "address_line2",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "address_postal_code",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "address_region",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "callback_requested_at",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "contact_window_end",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "contact_window_start",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "date_of_birth",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "do_not_call",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "do_not_call_reason",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "do_not_call_since",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "household_id",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "last_contacted_at",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "last_outcome",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "phones",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "recording_consent",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "search_text",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "clients");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "clients",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_policies_agent_id_policy_number",
                table: "policies",
                columns: new[] { "agent_id", "policy_number" });
        }
    }
}
