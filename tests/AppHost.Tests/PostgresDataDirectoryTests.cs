using AgentCalls.AppHost.LocalServers;

namespace AgentCalls.AppHost.Tests;

public sealed class PostgresDataDirectoryTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("agentcalls-datadir-");
    private readonly string fallbackRoot;

    public PostgresDataDirectoryTests() => fallbackRoot = Path.Combine(scratch.FullName, "fallback");

    [Fact]
    public void Choose_AsRootUnderAPrivateFolder_PicksAStandInOutsideIt()
    {
        var wanted = Path.Combine(Private("checkout"), ".data", "postgres");

        var chosen = PostgresDataDirectory.Choose(wanted, runsAsRoot: true, fallbackRoot);

        Assert.StartsWith(fallbackRoot + "/", chosen);
        Assert.Equal(chosen, PostgresDataDirectory.Choose(wanted, runsAsRoot: true, fallbackRoot));
    }

    [Fact]
    public void Choose_TwoCheckoutsUnderPrivateFolders_GetStandInsOfTheirOwn()
    {
        var first = PostgresDataDirectory.Choose(Path.Combine(Private("one"), ".data", "postgres"), runsAsRoot: true, fallbackRoot);
        var second = PostgresDataDirectory.Choose(Path.Combine(Private("two"), ".data", "postgres"), runsAsRoot: true, fallbackRoot);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Choose_AsRootUnderFoldersOthersCanEnter_KeepsTheWantedFolder()
    {
        var open = Directory.CreateDirectory(Path.Combine(scratch.FullName, "open"));
        File.SetUnixFileMode(scratch.FullName, File.GetUnixFileMode(scratch.FullName) | UnixFileMode.OtherExecute);
        var wanted = Path.Combine(open.FullName, "not-made-yet", "postgres");

        Assert.Equal(wanted, PostgresDataDirectory.Choose(wanted, runsAsRoot: true, fallbackRoot));
    }

    [Fact]
    public void Choose_NotRoot_KeepsTheWantedFolderWherever()
    {
        var wanted = Path.Combine(Private("mine"), "postgres");

        Assert.Equal(wanted, PostgresDataDirectory.Choose(wanted, runsAsRoot: false, fallbackRoot));
    }

    [Fact]
    public void Choose_AFileInThePath_KeepsTheWantedFolderForPostgresToReport()
    {
        var file = Path.Combine(Private("files"), "not-a-folder");
        File.WriteAllText(file, "");
        var wanted = Path.Combine(file, "postgres");

        Assert.Equal(wanted, PostgresDataDirectory.Choose(wanted, runsAsRoot: true, fallbackRoot));
    }

    public void Dispose() => scratch.Delete(recursive: true);

    private string Private(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(scratch.FullName, name)).FullName;
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }
}
