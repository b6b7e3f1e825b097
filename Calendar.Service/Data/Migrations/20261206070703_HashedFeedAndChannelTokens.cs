using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Calendar.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class HashedFeedAndChannelTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The addresses and channels handed out before keep working: their tokens are hashed in place.
            migrationBuilder.AddColumn<string>(
                name: "channel_token_hash",
                table: "google_syncs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "token_hash",
                table: "calendar_feeds",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE google_syncs SET channel_token_hash = encode(sha256(convert_to(channel_token, 'UTF8')), 'hex') WHERE channel_token IS NOT NULL");
            migrationBuilder.Sql("UPDATE calendar_feeds SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')");

            migrationBuilder.DropIndex(
                name: "ix_calendar_feeds_token",
                table: "calendar_feeds");

            migrationBuilder.DropColumn(
                name: "channel_token",
                table: "google_syncs");

            migrationBuilder.DropColumn(
                name: "token",
                table: "calendar_feeds");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds");

            migrationBuilder.DropColumn(
                name: "channel_token_hash",
                table: "google_syncs");

            migrationBuilder.DropColumn(
                name: "token_hash",
                table: "calendar_feeds");

            migrationBuilder.AddColumn<string>(
                name: "channel_token",
                table: "google_syncs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "token",
                table: "calendar_feeds",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token",
                table: "calendar_feeds",
                column: "token",
                unique: true);
        }
    }
}
