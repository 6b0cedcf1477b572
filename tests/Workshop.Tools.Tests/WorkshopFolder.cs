namespace Workshop.Tools.Tests;

/// <summary>The workshop these tests were built in: the folder above them that holds Workshop.sln.</summary>
internal static class WorkshopFolder
{
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Workshop.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Workshop.sln above {AppContext.BaseDirectory}.");
    }
}
