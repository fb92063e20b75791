using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Bench.Cli;
using Snn.Bench.Suites;
using Snn.Core.Simulation;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>spike-streaming</c> study: the CUBA network (<see cref="CubaNetwork"/>, every neuron
/// recorded) on the CPU engine, its spikes streamed to a CSV file with
/// <see cref="SpikeStreamWriter"/> in chunks of 1 s simulated time, for
/// <see cref="StudyContext.DurationMs"/> (default one hour; --quick 60 s). At 60 points evenly spread
/// over the run it samples the live managed heap (after a full collection) and the process's working
/// set, and reports the first, largest and last of each: memory is flat when the last equals the
/// first, while a run that kept its spikes would hold 12 bytes per spike. The file goes to the
/// temporary folder and is deleted at the end (its size is reported).
/// </summary>
public static class SpikeStreamingAnalysis
{
    private const double ChunkMs = 1000;

    private const int Samples = 60;

    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int size = context.Size ?? 4000;
        double duration = context.DurationMs ?? (context.Quick ? 60_000 : 3_600_000);
        int threads = context.Threads ?? 1;
        var built = CubaNetwork.Build(size, context.Seed);
        string path = Path.Combine(Path.GetTempPath(), $"snn-spike-streaming-{Guid.NewGuid():N}.csv");
        var heap = new List<long>();
        var workingSet = new List<long>();
        var watch = Stopwatch.StartNew();
        long spikes;
        long fileBytes;
        try
        {
            using var simulation = new CpuBackend(new CpuBackendOptions { Threads = threads }).Compile(built.Network);
            using (var writer = new SpikeStreamWriter(simulation, path, [.. built.Spikes]))
            {
                double interval = Math.Max(ChunkMs, Math.Ceiling(duration / Samples / ChunkMs) * ChunkMs);
                Sample(heap, workingSet);
                while (simulation.TimeMs < duration - built.Network.Dt / 2)
                {
                    writer.Run(Math.Min(interval, duration - simulation.TimeMs), ChunkMs);
                    Sample(heap, workingSet);
                    context.Report(string.Create(CultureInfo.InvariantCulture, $"{simulation.TimeMs / 1000:F0} s simulated, {writer.SpikesWritten} spikes streamed"));
                    context.ReportFraction(simulation.TimeMs / duration);
                }
                spikes = writer.SpikesWritten;
            }
            fileBytes = new FileInfo(path).Length;
        }
        finally
        {
            File.Delete(path);
        }
        double wall = watch.Elapsed.TotalSeconds;
        var metrics = new Dictionary<string, double>
        {
            ["neurons"] = size,
            ["simulated_ms"] = duration,
            ["threads"] = threads,
            ["spikes_streamed"] = spikes,
            ["file_bytes"] = fileBytes,
            ["kept_record_bytes"] = 12.0 * spikes,
            ["managed_bytes_first"] = heap[0],
            ["managed_bytes_max"] = heap.Max(),
            ["managed_bytes_last"] = heap[^1],
            ["working_set_bytes_first"] = workingSet[0],
            ["working_set_bytes_max"] = workingSet.Max(),
            ["working_set_bytes_last"] = workingSet[^1],
            ["wall_seconds"] = wall,
        };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"CUBA {size} neurons, {Format.Milliseconds(duration)} simulated on {threads} thread(s) in {Format.Seconds(wall)}: {spikes} spikes streamed ({fileBytes / 1e6:F1} MB of CSV)"),
            string.Create(CultureInfo.InvariantCulture,
                $"live managed heap over {heap.Count} samples: first {heap[0] / 1e6:F1} MB, max {heap.Max() / 1e6:F1} MB, last {heap[^1] / 1e6:F1} MB (keeping the spikes would hold {12.0 * spikes / 1e6:F0} MB more)"),
            string.Create(CultureInfo.InvariantCulture,
                $"working set: first {workingSet[0] / 1e6:F1} MB, max {workingSet.Max() / 1e6:F1} MB, last {workingSet[^1] / 1e6:F1} MB"),
        };
        return new SuiteAnalysis(metrics, findings);
    }

    private static void Sample(List<long> heap, List<long> workingSet)
    {
        heap.Add(GC.GetTotalMemory(forceFullCollection: true));
        using var process = Process.GetCurrentProcess();
        workingSet.Add(process.WorkingSet64);
    }
}
