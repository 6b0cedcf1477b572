namespace BroadcastChat.Tests.Browser;

/// <summary>
/// Where the browser checks leave their pictures and traces: <c>artifacts/</c> at the repository root (the folder
/// that holds Workshop.sln), which git ignores.
/// </summary>
internal static class Artifacts
{
    public static string Screenshots => Folder("screenshots");

    public static string Traces => Folder("traces");

    private static string Folder(string name)
    {
        var folder = Path.Combine(Root(), "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workshop.sln")))
            {
                return folder.FullName;
            }
        }
        // A test project copied away from the repository: keep the files next to it rather than nowhere.
        return AppContext.BaseDirectory;
    }
}
