using System.Text.Json;
using System.Text.Json.Serialization;
using Snn.Core.IO;

namespace Snn.Bench.Results;

/// <summary>
/// Reads and writes <c>results.json</c> with System.Text.Json: camelCase names, indented, every
/// constructor parameter required when reading (a missing field is an error, not a zero).
/// </summary>
public static class ResultsJson
{
    /// <summary>The file name written into the output folder.</summary>
    public const string FileName = "results.json";

    /// <summary>The serializer settings.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as JSON text.</summary>
    public static string Serialize(BenchmarkReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Parses JSON text written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a valid report (a field missing, mistyped or null).</exception>
    public static BenchmarkReport Deserialize(string json)
        => JsonSerializer.Deserialize<BenchmarkReport>(json, Options) ?? throw new JsonException("results.json holds null instead of a report.");

    /// <summary>Writes the report to <c>results.json</c> in <paramref name="directory"/>, atomically
    /// (a reader never sees half a report), and returns the path.</summary>
    public static string Write(BenchmarkReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        AtomicFile.WriteText(path, Serialize(report));
        return path;
    }

    /// <summary>Reads a report from <paramref name="path"/>.</summary>
    public static BenchmarkReport Read(string path) => Deserialize(File.ReadAllText(path));
}
