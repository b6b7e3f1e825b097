using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AgentCalls.Conversation.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersistedCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    do_not_call = table.Column<bool>(type: "boolean", nullable: false),
                    recording_consent = table.Column<bool>(type: "boolean", nullable: false),
                    client_policies = table.Column<string>(type: "jsonb", nullable: false),
                    vocabulary = table.Column<List<string>>(type: "text[]", nullable: false),
                    calendar_event_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    notes = table.Column<List<string>>(type: "text[]", nullable: false),
                    chosen_outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    proposals = table.Column<string>(type: "jsonb", nullable: false),
                    audit = table.Column<string>(type: "jsonb", nullable: false),
                    draft_summary = table.Column<string>(type: "text", nullable: true),
                    draft_outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    draft_follow_ups = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "action_claims",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_claims", x => x.proposal_id);
                    table.ForeignKey(
                        name: "fk_action_claims_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "call_transcript_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    speaker = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start = table.Column<TimeSpan>(type: "interval", nullable: false),
                    end = table.Column<TimeSpan>(type: "interval", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_transcript_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_transcript_lines_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_claims_call_id",
                table: "action_claims",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_transcript_lines_call_id_id",
                table: "call_transcript_lines",
                columns: new[] { "call_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_agent_id",
                table: "calls",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_calls_ended_at",
                table: "calls",
                column: "ended_at",
                filter: "ended_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_calls_last_seen_at",
                table: "calls",
                column: "last_seen_at",
                filter: "ended_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_claims");

            migrationBuilder.DropTable(
                name: "call_transcript_lines");

            migrationBuilder.DropTable(
                name: "calls");
        }
    }
}
