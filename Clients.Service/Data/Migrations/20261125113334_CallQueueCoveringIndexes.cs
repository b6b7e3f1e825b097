using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Clients.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallQueueCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_policies_agent_id_expires_on",
                table: "policies");

            migrationBuilder.DropIndex(
                name: "ix_policies_agent_id_status_ended_on",
                table: "policies");

            migrationBuilder.CreateIndex(
                name: "ix_policies_agent_id_expires_on",
                table: "policies",
                columns: new[] { "agent_id", "expires_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "client_id", "policy_number", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_policies_agent_id_status_ended_on",
                table: "policies",
                columns: new[] { "agent_id", "status", "ended_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "client_id", "policy_number", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_policies_agent_id_expires_on",
                table: "policies");

            migrationBuilder.DropIndex(
                name: "ix_policies_agent_id_status_ended_on",
                table: "policies");

            migrationBuilder.CreateIndex(
                name: "ix_policies_agent_id_expires_on",
                table: "policies",
                columns: new[] { "agent_id", "expires_on" });

            migrationBuilder.CreateIndex(
                name: "ix_policies_agent_id_status_ended_on",
                table: "policies",
                columns: new[] { "agent_id", "status", "ended_on" });
        }
    }
}
