using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Clients.Service.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportEncodingsAndOtherValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "line_of_business_text",
                table: "policies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_text",
                table: "policies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "encoding",
                table: "imports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "utf-8");

            migrationBuilder.AddColumn<string>(
                name: "encoding_options",
                table: "imports",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<int>(
                name: "values_filed_as_other",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "kept",
                table: "import_errors",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "line_of_business_text",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "status_text",
                table: "policies");

            migrationBuilder.DropColumn(
                name: "encoding",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "encoding_options",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "values_filed_as_other",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "kept",
                table: "import_errors");
        }
    }
}
