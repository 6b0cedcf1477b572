using System.Runtime.InteropServices;

namespace Workshop.Bench.Output;

/// <summary>The machine a run was measured on, so that a figure is never read without it.</summary>
public sealed record Machine(string Os, string Architecture, int Cores, string Cpu, double MemoryGiB, string Runtime, string Build)
{
    public static Machine ThisOne() => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        Environment.ProcessorCount,
        CpuModel(),
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.FrameworkDescription,
#if DEBUG
        "Debug (slower: run with -c Release)");
#else
        "Release");
#endif

    public override string ToString() => FormattableString.Invariant($"{Cores} cores ({Cpu}), {MemoryGiB:0.#} GiB, {Os} {Architecture}, {Runtime}, {Build} build");

    private static string CpuModel()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
                if (model is not null)
                {
                    return model[(model.IndexOf(':') + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
            // No /proc here: the processor's name is a nicety, not a figure.
        }
        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? "processor not named";
    }
}
