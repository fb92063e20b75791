using System.Globalization;
using Snn.Backends.Cpu;
using Snn.Bench.Compare;
using Snn.Bench.Suites;
using Snn.Core.Randomness;
using Snn.Experiments.Nalsm;
using Snn.Learning.Reservoir;

namespace Snn.Bench.Studies;

/// <summary>
/// The <c>nalsm-liquid</c> study: the time the NALSM liquid (<c>--liquid</c> 1000 or 8000 neurons)
/// takes per 250 ms sample on one thread, static (fixed weights, <see cref="NalsmOptions.Lsm1000"/>'s
/// protocol) and plastic (astrocyte-modulated STDP on during the presentation,
/// <see cref="NalsmOptions.Nalsm1000"/> or <see cref="NalsmOptions.Nalsm8000"/>), on the CPU engine with its
/// block (vectorised) neuron update and with the scalar one, alternating. The images are random
/// input probabilities with Fashion-MNIST's share of dark pixels, so no data set is needed. The two
/// paths must give the same spike counts for every sample, which the study checks. One sample per
/// path is presented first, untimed, so that JIT compilation is not timed.
/// </summary>
public static class NalsmLiquidSpeedAnalysis
{
    private const double DarkPixelShare = 0.5;

    /// <summary>Runs the study: <c>--size N</c> samples per timing (default 200, one chunk of the
    /// protocol, whose network build is part of the time as it is in the protocol; --quick 20),
    /// medians of 3 alternations (--quick 1).</summary>
    public static SuiteAnalysis Run(StudyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int samples = context.Size ?? (context.Quick ? 20 : NalsmOptions.Nalsm1000.ChunkSamples);
        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(context), samples, $"--size = {samples} must be at least 1 sample.");
        }
        int repeats = context.Quick ? 1 : 3;
        int liquid = context.NalsmStudy.Liquid ?? 1000;
        var liquidOptions = liquid == 8000 ? LiquidOptions.Liquid8000 : LiquidOptions.Liquid1000;
        var plastic = liquid == 8000 ? NalsmOptions.Nalsm8000 : NalsmOptions.Nalsm1000;
        var images = RandomImages(samples, liquidOptions.InputCount, context.Seed);
        var metrics = new Dictionary<string, double> { ["liquid_neurons"] = liquid, ["samples"] = samples, ["repeats"] = repeats };
        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"NALSM {liquid} liquid, {samples} random images x 250 ms per timing (one chunk: one network build), one thread, median of {repeats} alternating run(s); the machine may be shared"),
            "mode      block ms/sample  scalar ms/sample  scalar/block  rate",
        };
        foreach (var (mode, options) in new[] { ("static", NalsmOptions.Lsm1000 with { Liquid = liquidOptions }), ("plastic", plastic) })
        {
            var single = NalsmAnalysis.WithKernel(options, context) with { Workers = 1, ChunkSamples = samples, Seed = context.Seed };
            var topology = LiquidTopology.Build(single.Liquid);
            var block = new List<double>();
            var scalar = new List<double>();
            LiquidResponses? reference = null;
            Present(topology, single, images[..1], useBlockUpdate: true);
            Present(topology, single, images[..1], useBlockUpdate: false);
            for (int r = 0; r < repeats; r++)
            {
                context.Report($"{mode} liquid, run {r + 1} of {repeats}");
                var fast = Present(topology, single, images, useBlockUpdate: true);
                var slow = Present(topology, single, images, useBlockUpdate: false);
                RequireSameCounts(mode, fast, slow);
                block.Add(fast.Seconds * 1000 / samples);
                scalar.Add(slow.Seconds * 1000 / samples);
                reference = fast;
                context.ReportFraction((mode == "static" ? 0 : 0.5) + 0.5 * (r + 1) / repeats);
            }
            double blockMs = Statistics.Median(block);
            double scalarMs = Statistics.Median(scalar);
            metrics[$"{mode}_block_ms_per_sample"] = blockMs;
            metrics[$"{mode}_scalar_ms_per_sample"] = scalarMs;
            metrics[$"{mode}_rate_hz"] = reference!.MeanRateHz;
            findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{mode,-8}  {blockMs,15:F2}  {scalarMs,16:F2}  {scalarMs / blockMs,12:F2}  {reference.MeanRateHz:F1} Hz"));
        }
        findings.Add("block and scalar paths gave identical spike counts for every sample");
        return new SuiteAnalysis(metrics, findings);
    }

    private static LiquidResponses Present(LiquidTopology topology, NalsmOptions options, float[][] images, bool useBlockUpdate)
    {
        var backend = new CpuBackend(new CpuBackendOptions { Threads = 1, UseBlockUpdate = useBlockUpdate });
        return new LiquidSimulator(topology, options, backend).Present(images, keyOffset: 0);
    }

    private static void RequireSameCounts(string mode, LiquidResponses block, LiquidResponses scalar)
    {
        for (int s = 0; s < block.Counts.Length; s++)
        {
            if (!block.Counts[s].AsSpan().SequenceEqual(scalar.Counts[s]))
            {
                throw new InvalidOperationException($"nalsm-liquid: the {mode} liquid's block and scalar updates gave different spike counts for sample {s}.");
            }
        }
    }

    private static float[][] RandomImages(int count, int pixels, ulong seed)
    {
        var rng = new CounterRng(seed, RngStreams.User(0x4E4C), 0);
        var images = new float[count][];
        for (int i = 0; i < count; i++)
        {
            var image = new float[pixels];
            for (int p = 0; p < pixels; p++)
            {
                image[p] = rng.NextDouble() < DarkPixelShare ? 0f : (float)rng.NextDouble();
            }
            images[i] = image;
        }
        return images;
    }
}
