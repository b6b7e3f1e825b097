namespace AgentCalls.TestSupport;

/// <summary>Follows a list method's page tokens the way a client does.</summary>
public static class Pages
{
    /// <summary>Reads the page at <paramref name="pageToken"/> ("" for the first) and every page after it; returns their items in order.</summary>
    public static async Task<List<TItem>> ReadFromAsync<TPage, TItem>(
        string pageToken, Func<string, Task<TPage>> list, Func<TPage, IEnumerable<TItem>> items, Func<TPage, string> nextPageToken)
    {
        var read = new List<TItem>();
        do
        {
            var page = await list(pageToken);
            read.AddRange(items(page));
            pageToken = nextPageToken(page);
        }
        while (pageToken.Length > 0);

        return read;
    }
}
