using Workshop.Tools.Starters;

namespace Workshop.Tools.Mutation;

/// <summary>One solution file and its lesson regions, as Stryker.NET's <c>mutate</c> option takes them.</summary>
public sealed record RegionFile(string RelativePath, IReadOnlyList<TodoRegion> Regions)
{
    /// <summary>
    /// The file's path followed by one <c>{start..end}</c> per region: <c>Http/HttpHeaders.cs{282..689}{849..1151}</c>.
    /// Stryker.NET reads the numbers as character positions in the file, not lines, and keeps a mutant only when
    /// all of its code lies inside one of them.
    /// </summary>
    public string MutatePattern => RelativePath + string.Concat(Regions.Select(region => $"{{{region.Start}..{region.End}}}"));

    /// <summary>True when <paramref name="line"/> (1-based) is inside one of the regions.</summary>
    public bool Covers(int line) => Regions.Any(region => region.FirstLine <= line && line <= region.LastLine);
}

/// <summary>
/// What a mutation run of a step may change: the lesson regions of its solution, and nothing else. The code around
/// the regions is given to the learner; the tests of a step are there to check what the learner writes.
/// </summary>
public static class MutationScope
{
    /// <summary>Every C# file below <paramref name="stepFolder"/> that has lesson regions, with its regions, in path order.</summary>
    public static IReadOnlyList<RegionFile> Find(string stepFolder) =>
        StarterFolders.SourceFiles(stepFolder)
            .Where(file => Path.GetExtension(file) == ".cs")
            .Select(file => Path.GetRelativePath(stepFolder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Select(relative => new RegionFile(relative, TodoRegions.Find(relative, File.ReadAllText(Path.Combine(stepFolder, relative)))))
            .Where(file => file.Regions.Count > 0)
            .ToList();
}
