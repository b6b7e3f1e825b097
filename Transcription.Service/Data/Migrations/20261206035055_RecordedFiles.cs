using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Transcription.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordedFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "file_bytes",
                table: "transcription_jobs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "file_channels",
                table: "transcription_jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_mono_speaker",
                table: "transcription_jobs",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "transcription_jobs",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "file_vocabulary",
                table: "transcription_jobs",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "lease_expires_at",
                table: "transcription_jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "lease_token",
                table: "transcription_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "processed_seconds",
                table: "transcription_jobs",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "transcription_jobs",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "LiveStream");

            migrationBuilder.CreateTable(
                name: "recording_audio_chunks",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recording_audio_chunks", x => new { x.job_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_recording_audio_chunks_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "transcription_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recording_segments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    speaker = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    start_seconds = table.Column<double>(type: "double precision", nullable: false),
                    end_seconds = table.Column<double>(type: "double precision", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    confidence = table.Column<float>(type: "real", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recording_segments", x => x.id);
                    table.ForeignKey(
                        name: "fk_recording_segments_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "transcription_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transcription_jobs_status_created_at",
                table: "transcription_jobs",
                columns: new[] { "status", "created_at" },
                filter: "source = 'RecordedFile'");

            migrationBuilder.CreateIndex(
                name: "ix_recording_segments_job_id_start_seconds",
                table: "recording_segments",
                columns: new[] { "job_id", "start_seconds" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recording_audio_chunks");

            migrationBuilder.DropTable(
                name: "recording_segments");

            migrationBuilder.DropIndex(
                name: "ix_transcription_jobs_status_created_at",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "file_bytes",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "file_channels",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "file_mono_speaker",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "file_vocabulary",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "lease_expires_at",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "lease_token",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "processed_seconds",
                table: "transcription_jobs");

            migrationBuilder.DropColumn(
                name: "source",
                table: "transcription_jobs");
        }
    }
}
