using System.Net;
using System.Net.Sockets;

namespace Workshop.Testing;

/// <summary>Addresses on this machine only: tests never send a byte anywhere else.</summary>
public static class Loopback
{
    /// <summary>
    /// A port that was free a moment ago. Prefer binding to port 0 and reading the bound port back;
    /// use this only for a program that must be told its port before it starts.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
