using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Transcription.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordingAbandonedRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "abandoned_runs",
                table: "transcription_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "abandoned_runs",
                table: "transcription_jobs");
        }
    }
}
