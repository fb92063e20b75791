using System.Diagnostics;
using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Backends.Sfq;
using Snn.Bench.Cli;
using Snn.Bench.Suites;
using Snn.Core.Models;
using Snn.Experiments.Sfq;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>sfq-vs-cpu</c> study: <see cref="SfqVsCpu.Compare"/> runs the XOR network's four patterns
/// on the pulse-level <see cref="SfqBackend"/> and on the CPU engine (dt 1 ps, the deterministic
/// mean-field <see cref="SfqNeuron"/>); <see cref="SfqXorStudy.Evaluate"/> adds the SFQ run's energy
/// and latency (the CPU model has no circuit, so no energy), and a CPU run of each pattern adds its
/// latency (first output spike − first input spike).
/// </summary>
public static class SfqVsCpuAnalysis
{
    /// <summary>Runs the study.</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var design = SfqXorDesign.Default;
        context.Report("both engines, four patterns");
        var watch = Stopwatch.StartNew();
        var rows = SfqVsCpu.Compare(design, SfqXorStudy.DefaultTechnology, context.Seed);
        double compareSeconds = watch.Elapsed.TotalSeconds;
        context.Report("SFQ energy and latency");
        var sfq = new SfqXorStudy(design, SfqXorStudy.DefaultTechnology, context.Seed).Evaluate();
        context.Report("CPU latency");
        double[] cpuLatency = rows.Select(r => CpuLatencyPs(design, r.A, r.B, context.Seed)).ToArray();

        var metrics = new Dictionary<string, double> { ["compare_wall_seconds"] = compareSeconds };
        var findings = new List<string>
        {
            "A,B  A^B  SFQ rate   CPU rate   SFQ-CPU    SFQ lat.   CPU lat.  SFQ energy  SFQ events  CPU steps",
        };
        double maxDifference = 0;
        for (int k = 0; k < rows.Length; k++)
        {
            var row = rows[k];
            var pattern = sfq.Patterns.Single(p => p.A == row.A && p.B == row.B);
            string key = $"pattern_{Bit(row.A)}{Bit(row.B)}";
            double difference = row.SfqRateGhz - row.CpuRateGhz;
            maxDifference = Math.Max(maxDifference, Math.Abs(difference));
            metrics[key + "_sfq_rate_ghz"] = row.SfqRateGhz;
            metrics[key + "_cpu_rate_ghz"] = row.CpuRateGhz;
            metrics[key + "_sfq_latency_ps"] = pattern.LatencyPs;
            metrics[key + "_cpu_latency_ps"] = cpuLatency[k];
            metrics[key + "_sfq_energy_j"] = pattern.Report.TotalEnergyJ;
            metrics[key + "_sfq_events"] = row.SfqEvents;
            metrics[key + "_cpu_steps"] = row.CpuSteps;
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Bit(row.A)},{Bit(row.B)}  {Bit(row.A ^ row.B),3}  {row.SfqRateGhz,5:F2} GHz  {row.CpuRateGhz,5:F2} GHz  {difference,5:+0.00;-0.00;0.00} GHz  {Latency(pattern.LatencyPs),8}  {Latency(cpuLatency[k]),8}  {Format.Joules(pattern.Report.TotalEnergyJ),10}  {row.SfqEvents,10}  {row.CpuSteps,9}"));
        }
        metrics["max_rate_difference_ghz"] = maxDifference;
        metrics["sfq_energy_per_classification_j"] = sfq.EnergyPerClassificationJ;
        findings.Add(string.Create(CultureInfo.InvariantCulture,
            $"largest |SFQ - CPU| rate difference {maxDifference:F2} GHz (decision rate {design.DecisionRateGhz:F2} GHz); SFQ {Format.Joules(sfq.EnergyPerClassificationJ)} per classification at 4 K; both engines in {Format.Seconds(compareSeconds)}"));
        return new SuiteAnalysis(metrics, findings);
    }

    private static double CpuLatencyPs(SfqXorDesign design, bool a, bool b, ulong seed)
    {
        var xor = SfqXorNetwork.Build(design, a, b, seed);
        using var simulation = new CpuBackend(new CpuBackendOptions { Threads = 1 }).Compile(xor.Network);
        simulation.Run(SfqConstants.Ps(design.WindowPs + 2 * design.ClockPeriodPs));
        var output = simulation.GetSpikes(xor.OutputSpikes).Times();
        var input = simulation.GetSpikes(xor.InputSpikes).Times();
        return output.Length > 0 && input.Length > 0 ? (output.Min() - input.Min()) * SfqConstants.PsPerMs : double.NaN;
    }

    private static string Latency(double ps) => double.IsNaN(ps) ? "-" : ps.ToString("F1", CultureInfo.InvariantCulture) + " ps";

    private static int Bit(bool value) => value ? 1 : 0;
}
