using System.Globalization;
using Snn.Backends.Gpu;
using Snn.Bench.Results;

namespace Snn.Bench.GpuCheck;

/// <summary>The lines and metrics that several <c>gpu-check</c> steps write the same way.</summary>
public static class GpuCheckFormat
{
    /// <summary>Bytes in binary units ("3.21 GiB"); "n/a" for null; "unbounded" from 1 PiB on (ILGPU's CPU accelerator reports long.MaxValue).</summary>
    public static string Bytes(long? bytes) => bytes switch
    {
        null => "n/a",
        >= 1L << 50 => "unbounded",
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes.Value / (double)(1L << 30):F2} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes.Value / (double)(1L << 20):F1} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes.Value / 1024.0:F1} KiB"),
    };

    /// <summary>The device a GPU run took and its planned memory.</summary>
    public static string Device(GpuDeviceUsage? usage) => usage is null
        ? "device: not reported"
        : $"device: {usage.Accelerator} '{usage.DeviceName}' ({Bytes(usage.DeviceMemoryBytes)}), {Bytes(usage.PlannedBytes)} planned for the simulation's buffers";

    /// <summary>One engine's measurements.</summary>
    public static string Engine(string label, SuiteResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{label}: {result.Neurons:N0} neurons, {result.Synapses:N0} synapses, build {result.BuildSeconds:F3} s, wall {result.WallSeconds:F3} s for {result.SimulatedMs:G6} ms (RTF {result.RealTimeFactor:G4}), "
        + $"{result.Spikes:N0} spikes ({result.MeanRateHz:F3} Hz), {result.SynapticEventsPerSecond:G4} synaptic events/s, {result.NeuronUpdatesPerSecond:G4} neuron updates/s");

    /// <summary>The agreement in a few words, for the table.</summary>
    public static string AgreementShort(SpikeAgreement agreement) => agreement.Identical
        ? "identical spikes"
        : string.Create(CultureInfo.InvariantCulture, $"rates {agreement.RateRelativeDifference:+0.00%;-0.00%}, diverge at step {agreement.FirstDivergentStep}");

    /// <summary>The agreement in one line.</summary>
    public static string Agreement(SpikeAgreement agreement) => agreement.Identical
        ? string.Create(CultureInfo.InvariantCulture, $"agreement: identical spikes ({agreement.ReferenceSpikes:N0}) on both engines")
        : string.Create(CultureInfo.InvariantCulture,
            $"agreement: spikes differ from step {agreement.FirstDivergentStep} ({agreement.FirstDivergentMs:G6} ms) on; gpu {agreement.OtherSpikes:N0} vs cpu {agreement.ReferenceSpikes:N0} spikes ({agreement.RateRelativeDifference:+0.000%;-0.000%}), worst population {agreement.WorstPopulationDifference:0.000%}");

    /// <summary>One line per population: both rates and their relative difference.</summary>
    public static IEnumerable<string> Populations(SpikeAgreement agreement) => agreement.PopulationRateDifferences.Select(p => string.Create(CultureInfo.InvariantCulture,
        $"  {p.Population}: gpu {p.OtherHz:F3} Hz, cpu {p.ReferenceHz:F3} Hz ({p.RelativeDifference:+0.000%;-0.000%})"));

    /// <summary>Adds the agreement's numbers to <paramref name="metrics"/>, names starting with <paramref name="prefix"/>.</summary>
    public static void AddAgreement(IDictionary<string, double> metrics, string prefix, SpikeAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(agreement);
        metrics[prefix + "identical_spikes"] = agreement.Identical ? 1 : 0;
        metrics[prefix + "first_divergent_step"] = agreement.FirstDivergentStep ?? double.NaN;
        metrics[prefix + "rate_relative_difference"] = agreement.RateRelativeDifference;
        metrics[prefix + "worst_population_rate_relative_difference"] = agreement.WorstPopulationDifference;
        metrics[prefix + "reference_spikes"] = agreement.ReferenceSpikes;
        metrics[prefix + "gpu_spikes"] = agreement.OtherSpikes;
    }
}
