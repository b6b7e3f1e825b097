using System.Net;
using System.Net.Sockets;
using AgentCalls.TestSupport;

namespace AgentCalls.Deploy.Tests;

/// <summary>The ports the image smoke test (and every other test server) is given: see <see cref="FreePort"/>.</summary>
public sealed class FreePortTests
{
    [Fact]
    public void Next_GivesDistinctPortsBelowTheEphemeralRange_ThatAServerCanBindOnEveryAddress()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split(['\t', ' '])[0]);

        var ports = Enumerable.Range(0, 100).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20000, ephemeralStart - 1));
        foreach (var port in ports)
        {
            using var server = new TcpListener(IPAddress.Any, port);
            server.Start();
        }
    }
}
