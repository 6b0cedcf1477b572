using System.Diagnostics;
using FluentAssertions;
using Workshop.Tools.Starters;
using Xunit;

namespace Workshop.Tools.Tests;

/// <summary>
/// The drift check on real checkouts: a tiny workshop is committed to a temporary git repository, then cloned the
/// ways learners and maintainers clone it (LF, or CRLF on Windows), and the clone must be clean.
/// </summary>
public sealed class CheckoutTests : IDisposable
{
    private const string Answer = "class A\n{\n    int F()\n    {\n        // BEGIN TODO 1: Answer.\n        return 42;\n        // END TODO\n    }\n}\n";
    private const string Page = "<body>\n  <!-- BEGIN TODO 2: Greet. -->\n  <!-- STUB: <p></p> -->\n  <p>Hello</p>\n  <!-- END TODO -->\n</body>\n";
    private static readonly byte[] Logo = [0x89, (byte)'P', (byte)'N', (byte)'G', (byte)'\r', (byte)'\n', 0x1a, (byte)'\n', 0, 0, 0, 13];

    private readonly string _temp = Directory.CreateTempSubdirectory("workshop-git-").FullName;

    private string Origin => Path.Combine(_temp, "origin");

    private string Clone => Path.Combine(_temp, "clone");

    [Theory]
    [InlineData("core.autocrlf=true", false, "\r\n")]
    [InlineData("core.autocrlf=true", true, "\r\n")]
    [InlineData("core.autocrlf=false core.eol=crlf", true, "\r\n")]
    [InlineData("core.autocrlf=false core.eol=lf", true, "\n")]
    public async Task Clone_of_a_committed_workshop_has_no_drift(string settings, bool withGitAttributes, string newline)
    {
        await CommitWorkshopAsync(withGitAttributes);

        await CloneAsync(settings);

        File.ReadAllText(Path.Combine(Clone, "solutions/01-demo/Answer.cs")).Should().Be(
            Answer.ReplaceLineEndings(newline), $"git -c {settings} clone checks text out with these line endings");
        File.ReadAllBytes(Path.Combine(Clone, "01-demo/wwwroot/logo.png")).Should().Equal(Logo, "git never converts a binary file");
        var folders = new StarterFolders(Clone);
        folders.Drift().Should().BeEmpty("a checkout holds what was committed, whatever its line endings");
        folders.Generate().Should().BeEmpty("a clean checkout needs no starter rewritten");
    }

    [Fact]
    public async Task Content_change_in_a_crlf_checkout_is_still_drift()
    {
        await CommitWorkshopAsync(withGitAttributes: true);
        await CloneAsync("core.autocrlf=true");
        var starter = Path.Combine(Clone, "01-demo/Answer.cs");

        File.WriteAllText(starter, File.ReadAllText(starter).Replace("TODO 1: Answer.", "TODO 1: Reply.", StringComparison.Ordinal));

        new StarterFolders(Clone).Drift().Should().Equal("01-demo/Answer.cs differs from what its solution generates.");
    }

    public void Dispose()
    {
        // git makes its object files read-only, which Windows refuses to delete.
        foreach (var file in Directory.EnumerateFiles(_temp, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
        Directory.Delete(_temp, recursive: true);
    }

    /// <summary>Writes the workshop with LF line endings, generates its starter, and commits everything.</summary>
    private async Task CommitWorkshopAsync(bool withGitAttributes)
    {
        Write("solutions/01-demo/Demo.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n"u8.ToArray());
        Write("solutions/01-demo/Answer.cs", System.Text.Encoding.UTF8.GetBytes(Answer));
        Write("solutions/01-demo/wwwroot/index.html", System.Text.Encoding.UTF8.GetBytes(Page));
        Write("solutions/01-demo/wwwroot/logo.png", Logo);
        Write("01-demo/README.md", "# The lesson\n"u8.ToArray());
        if (withGitAttributes)
        {
            Write(".gitattributes", File.ReadAllBytes(Path.Combine(WorkshopFolder.Root(), ".gitattributes")));
        }
        new StarterFolders(Origin).Generate().Should().NotBeEmpty();

        await GitAsync(Origin, "init", "--quiet");
        await GitAsync(Origin, "-c", "core.autocrlf=false", "add", ".");
        await GitAsync(Origin, "-c", "user.name=Workshop", "-c", "user.email=workshop@example.com", "commit", "--quiet", "-m", "The workshop");
    }

    private Task CloneAsync(string settings) =>
        GitAsync(_temp, [.. settings.Split(' ').SelectMany(setting => new[] { "-c", setting }), "clone", "--quiet", Origin, Clone]);

    private void Write(string relative, byte[] content)
    {
        var path = Path.Combine(Origin, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>Runs git with no system or user configuration, so only the settings a test names apply.</summary>
    private static async Task GitAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CONFIG_GLOBAL"] = Path.Combine(folder, "no-such-gitconfig") },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = git.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = git.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await git.WaitForExitAsync(TestContext.Current.CancellationToken);
        git.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)} should succeed; it said: {await output}{await error}");
    }
}
