namespace AgentCalls.Bench.Clients;

/// <summary>
/// What agents type into the query box, taken from clients of the book: full and misspelled names, a name's start,
/// partial phone numbers, e-mail addresses whole and begun, policy numbers whole and begun.
/// </summary>
public static class SearchQueries
{
    public static IReadOnlyList<(string Kind, string Query)> From(IReadOnlyList<FakeClient> book, int clientsPerKind)
    {
        var step = book.Count / clientsPerKind;
        var picked = Enumerable.Range(0, clientsPerKind).Select(i => book[i * step + step / 2]).ToList();
        return
        [
            .. picked.Select(c => ("name", c.Name)),
            .. picked.Select((c, i) => ("misspelled name", Misspell(c.Name, i))),
            .. picked.Select(c => ("name start", c.Name.Split(' ')[1][..4])),
            .. picked.Select(c => ("partial phone (last 7)", c.Phone[^7..])),
            .. picked.Select(c => ("partial phone (area + 4)", c.Phone[2..9])),
            .. picked.Select(c => ("e-mail", c.Email)),
            .. picked.Select(c => ("e-mail start", c.Email.Split('@')[0])),
            .. picked.Select(c => ("policy number", c.Policies[0].Number)),
            .. picked.Select(c => ("policy number start", c.Policies[0].Number[..^2])),
        ];
    }

    /// <summary>A typo in the last name: two letters swapped, a letter dropped, or a letter doubled, in turn.</summary>
    private static string Misspell(string name, int variant)
    {
        var space = name.IndexOf(' ');
        var at = space + 2;
        return (variant % 3) switch
        {
            0 => string.Concat(name.AsSpan(0, at), name.AsSpan(at + 1, 1), name.AsSpan(at, 1), name.AsSpan(at + 2)),
            1 => name.Remove(at, 1),
            _ => name.Insert(at, name[at].ToString()),
        };
    }
}
