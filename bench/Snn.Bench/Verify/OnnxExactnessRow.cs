using System.Globalization;
using Snn.Bench.Studies;
using Snn.Experiments.Onnx;

namespace Snn.Bench.Verify;

/// <summary>
/// The ONNX export of the demo network run by ONNX Runtime gives exactly the CPU engine's spikes
/// and, bit for bit, its membrane values, without and with short-term plasticity (the
/// <c>onnx-roundtrip</c> study).
/// </summary>
public sealed class OnnxExactnessRow : VerifyRow
{
    /// <inheritdoc />
    public override string Name => "onnx-exactness";

    /// <inheritdoc />
    public override string Claim => "OnnxDemoNetwork on ONNX Runtime, without and with short-term plasticity: the CPU engine's spikes, membrane values bit for bit";

    /// <inheritdoc />
    public override string Source => "README (Deploying through ONNX): exact by construction (term-by-term sums in the engine's order, expf rebuilt)";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report("onnx-exactness: CPU engine and ONNX Runtime");
        var metrics = StudyCatalog.OnnxRoundTrip.Run(new StudyContext(SuiteRateClaims.Seed, Threads: context.Threads, Quick: context.Quick)).Metrics;
        bool identical = metrics["identical_spikes"] == 1 && metrics["identical_spikes_short_term"] == 1;
        double difference = Math.Max(metrics["max_membrane_difference_mv"], metrics["max_membrane_difference_short_term_mv"]);
        return Judge(identical && difference == 0 && metrics["spikes_cpu"] > 0 && metrics["spikes_cpu_short_term"] > 0,
            string.Create(CultureInfo.InvariantCulture,
                $"{(identical ? "identical" : "different")} spikes ({metrics["spikes_cpu"]:F0}; with short-term plasticity {metrics["spikes_cpu_short_term"]:F0}), max |ΔV| {difference:G3} mV"),
            "identical spikes, |ΔV| = 0",
            "the ONNX run differs from the CPU engine", new Dictionary<string, double>(metrics));
    }
}
