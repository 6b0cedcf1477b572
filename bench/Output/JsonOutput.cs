using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workshop.Bench.Output;

/// <summary>Writes a run's report as indented JSON, every figure included; a figure that could not be measured is null.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T report) => JsonSerializer.Serialize(report, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
