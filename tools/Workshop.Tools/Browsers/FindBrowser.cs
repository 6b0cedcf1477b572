using Microsoft.Playwright;
using Workshop.Testing;

namespace Workshop.Tools.Browsers;

/// <summary>
/// Answers "can the browser tests start a browser here?" by asking the tests' own <see cref="BrowserLauncher"/>:
/// one list of places to look, whoever asks.
/// </summary>
public static class FindBrowser
{
    /// <summary>Starts and closes a browser; prints which one, or the launcher's explanation when none starts.</summary>
    /// <param name="environment">Reads an environment variable, as the launcher does; the process's by default.</param>
    /// <returns>True when a browser started.</returns>
    public static async Task<bool> RunAsync(TextWriter output, TextWriter error, Func<string, string?>? environment = null)
    {
        using var playwright = await Playwright.CreateAsync();
        try
        {
            var (browser, description) = await BrowserLauncher.LaunchDescribedAsync(playwright, environment);
            await using (browser)
            {
                output.WriteLine($"The browser tests will use: {description} (version {browser.Version}).");
            }
            return true;
        }
        catch (InvalidOperationException noBrowser)
        {
            error.WriteLine(noBrowser.Message);
            return false;
        }
    }
}
