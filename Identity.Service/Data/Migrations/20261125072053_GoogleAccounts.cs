using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Identity.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class GoogleAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_agents_normalized_email",
                table: "agents");

            migrationBuilder.AddColumn<string>(
                name: "google_subject",
                table: "agents",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "google_connections",
                columns: table => new
                {
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    google_subject = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    google_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    scopes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    protected_refresh_token = table.Column<string>(type: "text", nullable: false),
                    protected_access_token = table.Column<string>(type: "text", nullable: true),
                    access_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    connected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_google_connections", x => x.agent_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agents_google_subject",
                table: "agents",
                column: "google_subject",
                unique: true,
                filter: "google_subject IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_agents_normalized_email",
                table: "agents",
                column: "normalized_email",
                unique: true,
                filter: "google_subject IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "google_connections");

            migrationBuilder.DropIndex(
                name: "ix_agents_google_subject",
                table: "agents");

            migrationBuilder.DropIndex(
                name: "ix_agents_normalized_email",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "google_subject",
                table: "agents");

            migrationBuilder.CreateIndex(
                name: "ix_agents_normalized_email",
                table: "agents",
                column: "normalized_email",
                unique: true);
        }
    }
}
