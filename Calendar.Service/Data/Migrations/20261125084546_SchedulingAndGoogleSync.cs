using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Calendar.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class SchedulingAndGoogleSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "all_day",
                table: "cached_events",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "busy",
                table: "cached_events",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "client_name",
                table: "cached_events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_phone",
                table: "cached_events",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "cached_events",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reminder_minutes",
                table: "cached_events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "sync_generation",
                table: "cached_events",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "agent_settings",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    call_length_minutes = table.Column<int>(type: "integer", nullable: false),
                    buffer_minutes = table.Column<int>(type: "integer", nullable: false),
                    reminder_minutes = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    working_hours = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agent_settings", x => x.agent_id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.agent_id);
                });

            migrationBuilder.CreateTable(
                name: "call_requests",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_requests", x => new { x.agent_id, x.request_id });
                });

            migrationBuilder.CreateTable(
                name: "google_syncs",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    calendar_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sync_token = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    page_token = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    generation = table.Column<long>(type: "bigint", nullable: false),
                    full_sync_events = table.Column<int>(type: "integer", nullable: false),
                    full_sync_pages = table.Column<int>(type: "integer", nullable: false),
                    last_synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    next_sync_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    channel_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    channel_resource_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    channel_token = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    channel_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_google_syncs", x => x.agent_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token",
                table: "calendar_feeds",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_google_syncs_channel_id",
                table: "google_syncs",
                column: "channel_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_google_syncs_next_sync_at",
                table: "google_syncs",
                column: "next_sync_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_settings");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "call_requests");

            migrationBuilder.DropTable(
                name: "google_syncs");

            migrationBuilder.DropColumn(
                name: "all_day",
                table: "cached_events");

            migrationBuilder.DropColumn(
                name: "busy",
                table: "cached_events");

            migrationBuilder.DropColumn(
                name: "client_name",
                table: "cached_events");

            migrationBuilder.DropColumn(
                name: "client_phone",
                table: "cached_events");

            migrationBuilder.DropColumn(
                name: "description",
                table: "cached_events");

            migrationBuilder.DropColumn(
                name: "reminder_minutes",
                table: "cached_events");

            migrationBuilder.DropColumn(
                name: "sync_generation",
                table: "cached_events");
        }
    }
}
