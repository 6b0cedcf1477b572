using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Playwright;

namespace Workshop.Testing;

/// <summary>
/// Starts a Chromium-family browser for Playwright with whatever this machine has, trying in order:
/// <list type="number">
/// <item>WORKSHOP_BROWSER: the path of a browser executable, or a channel name (chrome, msedge, chromium).</item>
/// <item>Headless only: Chromium's headless shell (Debian's chromium-headless-shell package), the lighter build of
/// Chromium for browsers nobody looks at. It opens a page in about half the time and CPU of the full browser in headless
/// mode, and a step's browser goals open dozens of pages.</item>
/// <item>A system Chromium or Chrome at its usual path (Debian's chromium package: /usr/bin/chromium).</item>
/// <item>Installed Google Chrome or Microsoft Edge, found by Playwright's channels.</item>
/// <item>Playwright's own downloaded browsers (<c>pwsh bin/Debug/net10.0/playwright.ps1 install chromium</c>).</item>
/// </list>
/// HEADED=1 shows the window and SLOWMO=&lt;milliseconds&gt; slows every action, for a projector.
/// </summary>
public static class BrowserLauncher
{
    public const string BrowserVariable = "WORKSHOP_BROWSER";

    private static readonly string[] HeadlessShells =
    [
        "/usr/bin/chromium-headless-shell",
    ];

    private static readonly string[] SystemBrowsers =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/snap/bin/chromium",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/usr/bin/microsoft-edge",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
        @"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    ];

    /// <param name="playwright">The Playwright driver.</param>
    /// <param name="environment">Reads an environment variable; tests pass their own, everyone else the process's.</param>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, Func<string, string?>? environment = null) =>
        (await LaunchDescribedAsync(playwright, environment)).Browser;

    /// <summary>Like <see cref="LaunchAsync"/>, and also says which browser started: its path, or its channel.</summary>
    public static async Task<(IBrowser Browser, string Description)> LaunchDescribedAsync(IPlaywright playwright, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var failures = new List<string>();
        foreach (var (description, options) in Candidates(environment))
        {
            try
            {
                return (await playwright.Chromium.LaunchAsync(options), description);
            }
            catch (PlaywrightException exception)
            {
                failures.Add($"  - {description}: {FirstLine(exception.Message)}");
            }
        }
        throw new InvalidOperationException($"""
            No browser could be started for the browser tests. Tried:
            {string.Join('\n', failures)}
            Get one of these, then run the tests again:
              - Debian or Ubuntu: sudo apt-get install chromium chromium-headless-shell
              - any system: install Google Chrome or Microsoft Edge
              - or point {BrowserVariable} at a Chromium-family browser: {BrowserVariable}=/path/to/chrome
              - or let Playwright download its own: pwsh tests/<step>.Tests/bin/exercises/Debug/net10.0/playwright.ps1 install chromium
            """);
    }

    /// <summary>The browsers to try, in order, each with its launch options.</summary>
    internal static IEnumerable<(string Description, BrowserTypeLaunchOptions Options)> Candidates(Func<string, string?> environment)
    {
        var chosen = environment(BrowserVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            yield return File.Exists(chosen)
                ? ($"{BrowserVariable}={chosen}", Options(environment, executablePath: chosen))
                : ($"{BrowserVariable}={chosen} (as a channel)", Options(environment, channel: chosen));
            yield break;
        }
        foreach (var path in HeadlessShells.Where(path => Headless(environment) && File.Exists(path)))
        {
            yield return (path, Options(environment, executablePath: path));
        }
        foreach (var path in SystemBrowsers.Where(File.Exists))
        {
            yield return (path, Options(environment, executablePath: path));
        }
        yield return ("Google Chrome (channel chrome)", Options(environment, channel: "chrome"));
        yield return ("Microsoft Edge (channel msedge)", Options(environment, channel: "msedge"));
        yield return ("Playwright's own Chromium", Options(environment));
    }

    private static BrowserTypeLaunchOptions Options(Func<string, string?> environment, string? executablePath = null, string? channel = null) => new()
    {
        ExecutablePath = executablePath,
        Channel = channel,
        Headless = Headless(environment),
        SlowMo = float.TryParse(environment("SLOWMO"), NumberStyles.Float, CultureInfo.InvariantCulture, out var slowMo) ? slowMo : null,
        // The sandbox cannot start as root (containers, CI); background networking only adds noise on a closed network.
        Args = RunningAsRoot()
            ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            : ["--disable-background-networking"],
    };

    private static bool Headless(Func<string, string?> environment) => environment("HEADED") is not ("1" or "true");

    private static bool RunningAsRoot() =>
        !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
