namespace Workshop.Tools.Tests;

/// <summary>A folder of one test's own under the system's temporary folder, deleted with the test.</summary>
internal sealed class TempFolder(string prefix = "workshop-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/>, creating the folders on the way.</summary>
    public void Write(string relative, string text)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
