using System.Net;
using System.Net.Sockets;

namespace AgentCalls.TestSupport;

public static class FreePort
{
    private const int Lowest = 20000;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A loopback port nothing listens on right now, below the kernel's ephemeral range where there is room. A port
    /// from that range (what binding port 0 gives) can be taken by any outbound connection's local end, or another
    /// bind to port 0, between this answer and the test's server binding it: a smoke test's gateway container once
    /// died at start on a port picked minutes before it ran. Never the same port twice in one process.
    /// </summary>
    public static int Next()
    {
        var (low, high) = (Lowest, EphemeralRangeStart());
        lock (HandedOut)
        {
            for (var attempt = 0; high - low > 1000 && attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }

            int any;
            do
            {
                any = FromKernel();
            }
            while (!HandedOut.Add(any));
            return any;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            // Every address, as a server listening on all of them (ASPNETCORE_HTTP_PORTS) binds it.
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FromKernel()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port Linux hands out for port 0 and outbound connections (32768 by default); 0 where unknown.</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 0;
    }
}
