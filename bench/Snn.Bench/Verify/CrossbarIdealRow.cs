using Snn.Backends.Cpu;
using Snn.Backends.Crossbar;
using Snn.Bench.Suites;

namespace Snn.Bench.Verify;

/// <summary>
/// A crossbar chip with an ideal device and periphery reproduces the CPU engine: the CUBA network
/// (1000 neurons, 200 ms) on 64 × 64 tiles fires exactly the CPU engine's spikes. The ideal path
/// realises each weight exactly; it does not go through the tile read and ADC model, which the
/// non-ideal row exercises.
/// </summary>
public sealed class CrossbarIdealRow : VerifyRow
{
    /// <inheritdoc />
    public override string Name => "crossbar-ideal";

    /// <inheritdoc />
    public override string Claim => "ideal device and periphery: the CPU engine's spikes bit for bit (CUBA, 1000 neurons, 200 ms)";

    /// <inheritdoc />
    public override string Source => "README (Resistive-memory crossbar backend): identity of the ideal chip";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report("crossbar-ideal: CUBA on the CPU engine and on an ideal chip");
        var suite = SuiteCatalog.Find("cuba");
        var software = suite.Build(1000, SuiteRateClaims.Seed);
        var hardware = suite.Build(1000, SuiteRateClaims.Seed);
        using var cpu = new CpuBackend(new CpuBackendOptions { Threads = context.Threads }).Compile(software.Network);
        using var chip = new CrossbarBackend(new CrossbarOptions { TileRows = 64, TileColumns = 64 }).CompileCrossbar(hardware.Network);
        cpu.Run(200);
        chip.Run(200);
        long spikes = 0;
        bool identical = true;
        for (int p = 0; p < software.Spikes.Count; p++)
        {
            var x = cpu.GetSpikes(software.Spikes[p]);
            var y = chip.GetSpikes(hardware.Spikes[p]);
            spikes += x.Count;
            identical &= x.Steps.SequenceEqual(y.Steps) && x.Neurons.SequenceEqual(y.Neurons);
        }
        var metrics = new Dictionary<string, double> { ["spikes_cpu"] = spikes, ["identical_spikes"] = identical ? 1 : 0 };
        return Judge(identical && spikes > 0, $"{(identical ? "identical" : "different")} spikes ({spikes})", "every spike identical",
            "the ideal chip fires differently from the CPU engine", metrics);
    }
}
