using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Calendar.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeldCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "call_log_id",
                table: "cached_events",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "held_at",
                table: "cached_events",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "call_log_id",
                table: "cached_events");

            migrationBuilder.DropColumn(
                name: "held_at",
                table: "cached_events");
        }
    }
}
