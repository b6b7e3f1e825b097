using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AgentCalls.Clients.Service.Data.Migrations
{
    /// <summary>
    /// The lexicon the query box corrects typos against (pg_trgm's way to suggest spellings): every distinct word,
    /// letters only and three or more, of clients' search texts, every agent's together. It is not an entity: a
    /// statement-level trigger on clients fills it from whatever writes clients (the API, the import's set-based merge,
    /// a bulk COPY), and it only grows, as a word no client has any more merely corrects to nothing.
    /// </summary>
    public partial class SearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_words (word text NOT NULL CONSTRAINT pk_search_words PRIMARY KEY);
                CREATE INDEX ix_search_words_word_trgm ON search_words USING gin (word gin_trgm_ops);
                """);
            // Words come from the tsvector, so each is a lexeme a client's search_vector has. In order, so that two
            // writers adding the same new words wait for each other rather than deadlock.
            migrationBuilder.Sql($"""
                CREATE FUNCTION add_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  {AddWordsOf("new_clients")}
                  RETURN NULL;
                END;
                $$;
                CREATE TRIGGER clients_insert_search_words AFTER INSERT ON clients
                  REFERENCING NEW TABLE AS new_clients FOR EACH STATEMENT EXECUTE FUNCTION add_search_words();
                CREATE TRIGGER clients_update_search_words AFTER UPDATE ON clients
                  REFERENCING NEW TABLE AS new_clients FOR EACH STATEMENT EXECUTE FUNCTION add_search_words();
                {AddWordsOf("clients")}
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER clients_update_search_words ON clients;
                DROP TRIGGER clients_insert_search_words ON clients;
                DROP FUNCTION add_search_words();
                DROP TABLE search_words;
                """);
        }

        private static string AddWordsOf(string clients) => $$"""
            INSERT INTO search_words (word)
              SELECT DISTINCT w.word FROM {{clients}} AS c, unnest(tsvector_to_array(c.search_vector)) AS w(word)
              WHERE w.word ~ '^[[:alpha:]]{3,}$' ORDER BY w.word
              ON CONFLICT DO NOTHING;
            """;
    }
}
