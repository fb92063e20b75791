using Snn.Core.Simulation;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// The w_A sweep of Ivanov &amp; Michmizos (2021): the same liquid is initialised with
/// astrocyte-modulated STDP at each astrocyte gain w_A (the protocol's phase 1), then presented
/// <c>measured</c> training samples as in phase 2, over which its branching factor and rate are
/// measured. A stronger astrocyte depresses more when the liquid outfires its input, so the branching
/// factor should fall as w_A grows.
/// </summary>
public static class AstrocyteSweep
{
    /// <summary>Runs the sweep.</summary>
    /// <param name="options">The protocol (its <see cref="NalsmOptions.Mode"/> is taken as <see cref="ReservoirMode.Astrocyte"/> and its
    /// <see cref="NalsmOptions.AstrocyteWeight"/> replaced by each of <paramref name="astrocyteWeights"/>).</param>
    /// <param name="astrocyteWeights">The gains w_A to try (finite), in the order the result lists them.</param>
    /// <param name="backend">The engine.</param>
    /// <param name="probabilities">Input probabilities of the training samples (<see cref="InputEncoding.Probabilities"/>).</param>
    /// <param name="measured">Presentations the branching factor is measured over, in [1, number of samples].</param>
    /// <param name="progress">Receives progress per phase ("initialisation w_A = …", "branching w_A = …").</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public static IReadOnlyList<AstrocyteSweepPoint> Run(NalsmOptions options, IReadOnlyList<double> astrocyteWeights, IBackend backend,
        IReadOnlyList<float[]> probabilities, int measured, IProgress<ReservoirProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(astrocyteWeights);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (astrocyteWeights.Count == 0)
        {
            throw new ArgumentException("astrocyteWeights is empty; the sweep needs at least one w_A.", nameof(astrocyteWeights));
        }
        if (measured < 1 || measured > probabilities.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(measured), measured, $"measured = {measured} must be in [1, {probabilities.Count}] (the number of samples).");
        }
        var topology = LiquidTopology.Build(options.Liquid);
        var measuredSamples = probabilities.Take(measured).ToArray();
        var points = new List<AstrocyteSweepPoint>();
        foreach (double weight in astrocyteWeights)
        {
            var at = options with { Mode = ReservoirMode.Astrocyte, AstrocyteWeight = weight, BranchingSamples = measured };
            at.Validate();
            var simulator = new LiquidSimulator(topology, at, backend);
            simulator.Initialize(probabilities, Relabelled(progress, $"initialisation w_A = {weight}"), cancellationToken);
            var responses = simulator.Present(measuredSamples, 0, $"branching w_A = {weight}", progress, cancellationToken);
            points.Add(new AstrocyteSweepPoint(weight, responses.Branching.Value, responses.MeanRateHz, simulator.Weights[0].Average(),
                simulator.Weights[1].Average(), simulator.Weights[2].Average(Math.Abs)));
        }
        return points;
    }

    private static IProgress<ReservoirProgress>? Relabelled(IProgress<ReservoirProgress>? progress, string phase)
        => progress is null ? null : new Progress(progress, phase);

    private sealed class Progress(IProgress<ReservoirProgress> inner, string phase) : IProgress<ReservoirProgress>
    {
        public void Report(ReservoirProgress value) => inner.Report(value with { Phase = phase });
    }
}
