using System.Globalization;
using System.Net;

namespace HttpBasics.Server;

/// <summary>Where the server listens and the limits that keep one client from hurting the others.</summary>
public sealed record ServerOptions
{
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 lets the operating system pick a free port; the server reports the one it got.</summary>
    public int Port { get; init; } = 5001;

    /// <summary>How long a client may take to send a whole request before the server hangs up on it.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The request line plus header lines may not exceed this; a larger head gets 431.</summary>
    public int MaxHeadBytes { get; init; } = 8 * 1024;

    /// <summary>Connections served at once; further clients wait in the operating system's backlog.</summary>
    public int MaxConnections { get; init; } = 100;

    /// <summary>Where the one-line-per-request log goes.</summary>
    public Action<string> Log { get; init; } = Console.WriteLine;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public const string Usage = "usage: HttpBasics [--address 127.0.0.1] [--port 5001] [--urls http://127.0.0.1:5001] [--request-timeout <seconds>]";

    /// <summary>
    /// Reads <c>--address</c>, <c>--port</c>, <c>--urls</c> and <c>--request-timeout</c>; null with a message on bad input.
    /// <c>--urls http://127.0.0.1:0</c> is the option every step of the workshop takes, as ASP.NET Core apps do,
    /// so one command starts any step; this server takes one <c>http://</c> address whose host is an IP address.
    /// </summary>
    public static ServerOptions? FromArgs(IReadOnlyList<string> args, out string? problem)
    {
        var options = new ServerOptions();
        problem = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            if (value is null)
            {
                problem = $"{args[i]} needs a value.";
                return null;
            }
            switch (args[i])
            {
                case "--address" when IPAddress.TryParse(value, out var address):
                    options = options with { Address = address };
                    break;
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort:
                    options = options with { Port = port };
                    break;
                case "--urls" when TryParseUrl(value, out var url):
                    options = options with { Address = url.Address, Port = url.Port };
                    break;
                case "--request-timeout" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { RequestTimeout = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--address" or "--port" or "--urls" or "--request-timeout":
                    problem = $"'{value}' is not a valid value for {args[i]}.";
                    return null;
                default:
                    problem = $"'{args[i]}' is not an option this server understands.";
                    return null;
            }
        }
        return options;
    }

    // "http://127.0.0.1:5001" or "http://[::1]:0": this server speaks plain HTTP on one address, so one URL and no TLS.
    private static bool TryParseUrl(string text, out IPEndPoint endPoint)
    {
        endPoint = new IPEndPoint(IPAddress.Loopback, 0);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp
            || !IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            return false;
        }
        endPoint = new IPEndPoint(address, url.Port);
        return true;
    }
}
