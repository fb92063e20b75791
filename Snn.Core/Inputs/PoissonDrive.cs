using Snn.Core.Validation;

namespace Snn.Core.Inputs;

/// <summary>
/// Independent Poisson spike input to every neuron of a population through one synapse type,
/// without materialising the source neurons (Brian2's <c>PoissonInput</c>; NEST's
/// <c>poisson_generator</c> connected one-to-one): each step, each neuron receives
/// k ~ Poisson(rate · dt) spikes of weight <see cref="Weight"/> into <see cref="Receptor"/>,
/// entering the synaptic variable like a delivered spike. It is the background drive of the
/// Potjans-Diesmann microcircuit (K_ext inputs at 8 Hz = one drive of K_ext · 8 Hz).
/// </summary>
public sealed class PoissonDrive
{
    internal PoissonDrive(int index, Population target, double rateHz, double weight, Receptor receptor)
    {
        Index = index;
        Target = target;
        RateHz = Guard.NonNegative(rateHz, nameof(rateHz));
        Weight = Guard.Finite(weight, nameof(weight));
        Receptor = receptor;
    }

    /// <summary>Position in <see cref="Network.PoissonDrives"/>.</summary>
    public int Index { get; }

    /// <summary>The driven population.</summary>
    public Population Target { get; }

    /// <summary>Total input rate per neuron (Hz).</summary>
    public double RateHz { get; }

    /// <summary>Weight of each input spike (unit of the target model).</summary>
    public double Weight { get; }

    /// <summary>The receptor fed.</summary>
    public Receptor Receptor { get; }

    /// <summary>The number of input spikes for one neuron and step from a uniform draw u in [0, 1):
    /// the inverse of the Poisson distribution function with mean λ = rate · dt.</summary>
    /// <param name="lambda">Expected spikes per step.</param>
    /// <param name="emptyProbability">e^(−λ), the probability of no spike.</param>
    /// <param name="u">A uniform number in [0, 1).</param>
    public static int Sample(double lambda, double emptyProbability, double u)
    {
        double probability = emptyProbability;
        double cumulative = probability;
        int k = 0;
        while (u >= cumulative && k < 10_000)
        {
            k++;
            probability *= lambda / k;
            cumulative += probability;
            if (probability < 1e-300)
            {
                break;
            }
        }
        return k;
    }
}
