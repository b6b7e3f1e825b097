using System.Security.Cryptography;
using System.Text;

namespace AgentCalls.AppHost.LocalServers;

/// <summary>
/// Where the local Postgres keeps its data. As root, <c>postgres.sh</c> runs Postgres as the postgres user (Postgres
/// refuses root), and that user must be able to reach the folder: a checkout under a private folder (root's home, a
/// <c>mktemp -d</c> folder) is out of its reach. Then the data goes to a folder under Postgres' own home instead,
/// named after the wanted one so that every start of the same checkout finds the same data.
/// </summary>
public static class PostgresDataDirectory
{
    public const string FallbackRoot = "/var/lib/postgresql/agentcalls";

    /// <summary>The folder Postgres can use: <paramref name="wanted"/>, or its stand-in under <paramref name="fallbackRoot"/>.</summary>
    public static string Choose(string wanted, bool runsAsRoot, string fallbackRoot = FallbackRoot)
    {
        wanted = Path.GetFullPath(wanted);
        if (!runsAsRoot || OthersCanReach(wanted))
        {
            return wanted;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wanted)))[..12];
        return Path.Combine(fallbackRoot, $"{Path.GetFileName(Path.GetDirectoryName(wanted))?.TrimStart('.')}-{hash}");
    }

    /// <summary>
    /// Whether a user who is neither the owner nor in the group can walk down to <paramref name="path"/>: every folder
    /// above it that exists must let others search it (the ones still missing are made by root with the usual umask).
    /// A file in the way is left for postgres.sh to report; moving the data would hide the mistake.
    /// </summary>
    private static bool OthersCanReach(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(directory))
            {
                return true;
            }

            if (Directory.Exists(directory) && !File.GetUnixFileMode(directory).HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
