using System.Globalization;
using Snn.Bench.Studies;
using Snn.Experiments.Onnx;

namespace Snn.Bench.Verify;

/// <summary>
/// The ONNX export of the demo network run by ONNX Runtime gives exactly the CPU engine's spikes
/// and, bit for bit, its membrane values (the <c>onnx-roundtrip</c> study).
/// </summary>
public sealed class OnnxExactnessRow : VerifyRow
{
    /// <inheritdoc />
    public override string Name => "onnx-exactness";

    /// <inheritdoc />
    public override string Claim => "OnnxDemoNetwork on ONNX Runtime: the CPU engine's spikes, membrane values bit for bit";

    /// <inheritdoc />
    public override string Source => "README (Deploying through ONNX): exact by construction (term-by-term sums in the engine's order, expf rebuilt)";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report("onnx-exactness: CPU engine and ONNX Runtime");
        var metrics = StudyCatalog.OnnxRoundTrip.Run(new StudyContext(SuiteRateClaims.Seed, Threads: context.Threads, Quick: context.Quick)).Metrics;
        bool identical = metrics["identical_spikes"] == 1;
        double difference = metrics["max_membrane_difference_mv"];
        return Judge(identical && difference == 0 && metrics["spikes_cpu"] > 0,
            string.Create(CultureInfo.InvariantCulture, $"{(identical ? "identical" : "different")} spikes ({metrics["spikes_cpu"]:F0}), max |ΔV| {difference:G3} mV"),
            "identical spikes, |ΔV| = 0",
            "the ONNX run differs from the CPU engine", new Dictionary<string, double>(metrics));
    }
}
