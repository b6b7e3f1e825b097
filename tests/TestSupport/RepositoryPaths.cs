namespace AgentCalls.TestSupport;

/// <summary>Where the repository is, found from the test binary's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LocalServerScript(string script) => Path.Combine(Root, "AppHost", "LocalServers", script);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentCalls.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AgentCalls.sln not found above " + AppContext.BaseDirectory);
    }
}
