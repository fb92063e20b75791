using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// Random weights from the stochasticity of resistive switching, as in the zero-shot LSM of Lin et
/// al. (Nature Computational Science 2025): every cell of a differential pair receives the same SET
/// pulse and ends at a random conductance G ~ N(<see cref="ResistiveDevice.SwitchingMean"/>,
/// <see cref="ResistiveDevice.SwitchingStd"/>) (clipped at 0 µS), so w = k·(G+ − G−) is a zero-mean random
/// weight with standard deviation √2·k·σ_G, drawn by the physics instead of a software generator.
/// The draw is reproducible: it comes from Snn's counter-based generator keyed by the seed.
/// </summary>
public static class StochasticSwitching
{
    /// <summary>Switches <paramref name="count"/> differential pairs.</summary>
    /// <param name="device">The technology; its switching distribution must be characterised (SwitchingStd &gt; 0).</param>
    /// <param name="count">Number of synapses, ≥ 0.</param>
    /// <param name="weightStd">Standard deviation of the resulting weights (unit of the target model), &gt; 0: fixes k.</param>
    /// <param name="seed">Seed of the draw (the network seed, say).</param>
    /// <param name="index">Which draw (one per projection), 0 to 65535.</param>
    public static SwitchedConductances Draw(ResistiveDevice device, int count, double weightStd, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.Validate();
        if (device.SwitchingStd <= 0)
        {
            throw new ArgumentException($"Device '{device.Name}' has SwitchingStd = {device.SwitchingStd} µS; a switching distribution with SwitchingStd > 0 is needed.", nameof(device));
        }
        Guard.NonNegative(count, nameof(count));
        Guard.Positive(weightStd, nameof(weightStd));
        Guard.InRange(index, 0, 65535, nameof(index));
        var plus = new double[count];
        var minus = new double[count];
        uint stream = CrossbarStreams.Switching(index);
        for (int s = 0; s < count; s++)
        {
            var rng = new CounterRng(seed, stream, (uint)s);
            plus[s] = Math.Max(device.SwitchingMean + device.SwitchingStd * rng.NextNormal(), 0);
            minus[s] = Math.Max(device.SwitchingMean + device.SwitchingStd * rng.NextNormal(), 0);
        }
        return new SwitchedConductances(plus, minus, weightStd / (Math.Sqrt(2) * device.SwitchingStd));
    }
}
