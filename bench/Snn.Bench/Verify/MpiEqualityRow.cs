using System.Diagnostics;
using System.Globalization;
using Snn.Bench.Results;
using Snn.Bench.Running;
using Snn.Bench.Suites;

namespace Snn.Bench.Verify;

/// <summary>
/// The MPI engine gives the CPU engine's spikes: CUBA (2000 neurons, 300 ms) on 2 ranks started
/// with <c>mpirun</c> against the same network on the CPU engine in this process; the spike count
/// and the synaptic-event count (the spiking neurons' out-degrees summed, which changes when a spike
/// moves to another neuron) must be equal. Skipped where <c>mpirun</c> is not on the PATH.
/// </summary>
public sealed class MpiEqualityRow : VerifyRow
{
    private const int Size = 2000;
    private const double DurationMs = 300;
    private const int Ranks = 2;

    /// <inheritdoc />
    public override string Name => "mpi-equality";

    /// <inheritdoc />
    public override string Claim => "CUBA on 2 MPI ranks: the CPU engine's spikes (count and synaptic events equal)";

    /// <inheritdoc />
    public override string Source => "README (Running across machines): bit-identical by construction (spikes delivered in ascending neuron order)";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        string? mpirun = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "mpirun"))
            .FirstOrDefault(File.Exists);
        if (mpirun is null)
        {
            return Skipped("mpirun is not on the PATH (Debian: apt-get install openmpi-bin libopenmpi-dev)");
        }
        context.Report($"mpi-equality: CUBA on {Ranks} ranks");
        var cpu = SuiteRunner.Run(SuiteCatalog.Find("cuba"), new SuiteRunOptions(Size, DurationMs, SuiteRateClaims.Seed, context.Threads, WarmUp: false)).Result;
        string directory = Path.Combine(Path.GetTempPath(), $"snn-verify-mpi-{Guid.NewGuid():N}");
        try
        {
            var (code, output) = Launch(mpirun, ["run", "cuba", "--backend", "mpi", "--size", Size.ToString(CultureInfo.InvariantCulture),
                "--duration", DurationMs.ToString(CultureInfo.InvariantCulture), "--seed", SuiteRateClaims.Seed.ToString(CultureInfo.InvariantCulture), "--out", directory]);
            if (code != 0)
            {
                return Judge(false, $"mpirun exited with {code}", "exit code 0", output.Length > 400 ? output[^400..] : output, new Dictionary<string, double>());
            }
            var mpi = ResultsJson.Read(Path.Combine(directory, ResultsJson.FileName)).Results.Single();
            var metrics = new Dictionary<string, double>
            {
                ["spikes_cpu"] = cpu.Spikes,
                ["spikes_mpi"] = mpi.Spikes,
                ["synaptic_events_cpu"] = cpu.SynapticEvents,
                ["synaptic_events_mpi"] = mpi.SynapticEvents,
            };
            return Judge(cpu.Spikes == mpi.Spikes && cpu.SynapticEvents == mpi.SynapticEvents && cpu.Spikes > 0,
                string.Create(CultureInfo.InvariantCulture, $"spikes {mpi.Spikes} / {cpu.Spikes}, events {mpi.SynapticEvents} / {cpu.SynapticEvents} (mpi / cpu)"),
                "equal", "the distributed run differs from the CPU engine", metrics);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static (int Code, string Output) Launch(string mpirun, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(mpirun) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["OMPI_MCA_btl_vader_single_copy_mechanism"] = "none";
        string program = typeof(MpiEqualityRow).Assembly.Location;
        foreach (string argument in new[] { "--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-np", Ranks.ToString(CultureInfo.InvariantCulture), "dotnet", program }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("mpirun did not start.");
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("mpirun was still running after 5 minutes and was stopped.");
        }
        return (process.ExitCode, output + error.Result);
    }
}
