using Snn.Backends.Cpu;
using Snn.Bench.Export;
using Snn.Core;
using Snn.Core.Interop.Nir;

namespace Snn.Bench.Verify;

/// <summary>
/// Snn → NIR file → Snn: the NIR demo network (spike-source inputs, LIF hidden layer with an
/// inhibitory pool, LIF outputs) written with <see cref="NirExporter"/>, read back and run again
/// on the CPU engine gives the same spikes in every population.
/// </summary>
public sealed class NirRoundTripRow : VerifyRow
{
    private const double DurationMs = 100;

    /// <inheritdoc />
    public override string Name => "nir-round-trip";

    /// <inheritdoc />
    public override string Claim => "the NIR demo network exported to .nir and imported again fires the same spikes";

    /// <inheritdoc />
    public override string Source => "NIR (Pedersen et al., Nat. Commun. 2024) reference layout; round trip: identity";

    /// <inheritdoc />
    protected override Measurement Measure(VerifyContext context)
    {
        context.Report("nir-round-trip: export, import, run");
        var original = NirDemoNetwork.Create(SuiteRateClaims.Seed);
        string path = Path.Combine(Path.GetTempPath(), $"snn-verify-{Guid.NewGuid():N}.nir");
        Network reimported;
        try
        {
            NirExporter.Export(original, path);
            var inputs = original.Populations.OfType<SpikeSourcePopulation>()
                .ToDictionary(p => p.Name, p => Enumerable.Range(0, p.Size).Select(i => p.TimesOf(i).ToArray()).ToArray());
            reimported = NirFile.Read(path).ToNetwork(new NirImportOptions { Dt = original.Dt, InputSpikes = inputs, Seed = original.Seed }).Network;
        }
        finally
        {
            File.Delete(path);
        }
        string[] names = ["hidden", "pool", "output"];
        var first = names.Select(n => original.RecordSpikes(original.Populations.Single(p => p.Name == n))).ToArray();
        var second = names.Select(n => reimported.RecordSpikes(reimported.Populations.Single(p => p.Name == n))).ToArray();
        var backend = new CpuBackend(new CpuBackendOptions { Threads = context.Threads });
        using var a = backend.Compile(original);
        using var b = backend.Compile(reimported);
        a.Run(DurationMs);
        b.Run(DurationMs);
        long spikes = 0;
        int same = 0;
        for (int i = 0; i < names.Length; i++)
        {
            var x = a.GetSpikes(first[i]);
            var y = b.GetSpikes(second[i]);
            spikes += x.Count;
            same += x.Steps.SequenceEqual(y.Steps) && x.Neurons.SequenceEqual(y.Neurons) ? 1 : 0;
        }
        var metrics = new Dictionary<string, double> { ["spikes"] = spikes, ["populations_identical"] = same };
        return Judge(same == names.Length && spikes > 0,
            $"{same} of {names.Length} populations identical ({spikes} spikes)",
            "every spike identical",
            "the reimported network fires differently", metrics);
    }
}
