using System.Text.Json;
using Snn.Bench.Results;
using Snn.Core.IO;

namespace Snn.Bench.GpuCheck;

/// <summary>The file <c>gpu-check</c> writes (<see cref="FileName"/>, schema <see cref="SchemaName"/>): rewritten
/// after every step, so that a run stopped from outside still leaves the steps it finished.</summary>
/// <param name="Schema">Always <see cref="SchemaName"/>.</param>
/// <param name="CreatedUtc">When the check started (UTC, ISO 8601).</param>
/// <param name="Command">The command line.</param>
/// <param name="Machine">The host.</param>
/// <param name="Accelerator">The accelerator asked for (<c>cuda</c>, <c>opencl</c>, <c>cpu</c>).</param>
/// <param name="Devices">The devices ILGPU lists, best first.</param>
/// <param name="DryRun">Whether this was a dry run (tiny sizes; figures not worth reporting).</param>
/// <param name="BudgetSeconds">The time budget (s).</param>
/// <param name="Complete">Whether every step has an outcome (false while the check runs, or if it was stopped).</param>
/// <param name="Steps">One entry per step, in order.</param>
public sealed record GpuCheckReport(string Schema, string CreatedUtc, string Command, MachineInfo Machine, string Accelerator, IReadOnlyList<string> Devices,
    bool DryRun, double BudgetSeconds, bool Complete, IReadOnlyList<GpuCheckStepResult> Steps)
{
    /// <summary>The schema name.</summary>
    public const string SchemaName = "snn-bench/gpu-check/v1";

    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "gpu-check.json";

    /// <summary>Writes the report into <paramref name="directory"/> and returns the path. The runner
    /// rewrites it after every step, and a device's time limit can stop the run at any moment, so the
    /// write is atomic: the file holds the previous step's report or this one, never part of one.</summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        AtomicFile.WriteText(path, JsonSerializer.Serialize(this, ResultsJson.Options));
        return path;
    }

    /// <summary>Reads a report written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The file is not such a report.</exception>
    public static GpuCheckReport Read(string path)
        => JsonSerializer.Deserialize<GpuCheckReport>(File.ReadAllText(path), ResultsJson.Options) ?? throw new JsonException($"{path} holds null instead of a gpu-check report.");

    /// <summary>Reads one step's result, as a step's process writes it.</summary>
    public static GpuCheckStepResult ReadStep(string path)
        => JsonSerializer.Deserialize<GpuCheckStepResult>(File.ReadAllText(path), ResultsJson.Options) ?? throw new JsonException($"{path} holds null instead of a step result.");

    /// <summary>Writes one step's result to <paramref name="path"/>, atomically (the runner reads it
    /// after the step's process ends, which may be a kill at the step's timeout).</summary>
    public static void WriteStep(GpuCheckStepResult result, string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(result, ResultsJson.Options));
}
