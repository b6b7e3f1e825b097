using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Calendar.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class SyncLeaseAndFullSyncWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "full_sync_started_at",
                table: "google_syncs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "lease_holder",
                table: "google_syncs",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "full_sync_started_at",
                table: "google_syncs");

            migrationBuilder.DropColumn(
                name: "lease_holder",
                table: "google_syncs");
        }
    }
}
