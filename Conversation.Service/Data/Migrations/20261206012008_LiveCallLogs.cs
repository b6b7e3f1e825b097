using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace AgentCalls.Conversation.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveCallLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "audit",
                table: "call_logs",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "calendar_event_id",
                table: "call_logs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_name",
                table: "call_logs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duration_seconds",
                table: "call_logs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<List<string>>(
                name: "follow_ups",
                table: "call_logs",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<List<string>>(
                name: "notes",
                table: "call_logs",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "outcome_note",
                table: "call_logs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "call_logs",
                type: "tsvector",
                nullable: false)
                .Annotation("Npgsql:TsVectorConfig", "english")
                .Annotation("Npgsql:TsVectorProperties", new[] { "summary", "transcript" });

            migrationBuilder.AddColumn<string>(
                name: "transcript_lines",
                table: "call_logs",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.CreateIndex(
                name: "ix_call_logs_search_vector",
                table: "call_logs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_call_logs_search_vector",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "audit",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "calendar_event_id",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "client_name",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "duration_seconds",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "follow_ups",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "notes",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "outcome_note",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "transcript_lines",
                table: "call_logs");
        }
    }
}
