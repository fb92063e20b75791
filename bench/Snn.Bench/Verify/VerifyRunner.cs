using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Snn.Bench.Results;
using Snn.Core.IO;

namespace Snn.Bench.Verify;

/// <summary>Runs rows of <see cref="VerifyRegistry"/> and reads and writes <c>verify.json</c>.</summary>
public static class VerifyRunner
{
    private static readonly JsonSerializerOptions Json = new(ResultsJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Runs <paramref name="rows"/> in order; <paramref name="finished"/> receives each outcome as it ends.</summary>
    public static VerifyReport Run(IReadOnlyList<VerifyRow> rows, VerifyContext context, string command, Action<VerifyOutcome>? finished = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        long start = Stopwatch.GetTimestamp();
        var outcomes = new List<VerifyOutcome>();
        foreach (var row in rows)
        {
            var outcome = row.Run(context);
            outcomes.Add(outcome);
            finished?.Invoke(outcome);
        }
        return new VerifyReport(VerifyReport.CurrentSchema, DateTimeOffset.UtcNow, command, context.Quick, MachineInfo.Current(), outcomes,
            outcomes.Count(o => o.Status == VerifyStatus.Pass), outcomes.Count(o => o.Status == VerifyStatus.Fail), outcomes.Count(o => o.Status == VerifyStatus.Skip),
            Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>Writes <c>verify.json</c> into <paramref name="directory"/>, atomically, and returns its path.</summary>
    public static string Write(VerifyReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, VerifyReport.FileName);
        AtomicFile.WriteText(path, JsonSerializer.Serialize(report, Json));
        return path;
    }

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The file is not a verify report.</exception>
    public static VerifyReport Read(string path)
        => JsonSerializer.Deserialize<VerifyReport>(File.ReadAllText(path), Json) ?? throw new JsonException($"{path} holds null instead of a verify report.");
}
