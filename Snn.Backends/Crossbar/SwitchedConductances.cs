namespace Snn.Backends.Crossbar;

/// <summary>
/// Differential pairs of cells switched by one identical SET pulse, as grown (not programmed to a
/// target): weight w_s = (G+_s − G−_s)·<see cref="WeightPerConductance"/>. Pass <see cref="Weights"/> to a
/// projection (<c>Dist.Explicit</c>) for the software model, and register the same object in
/// <see cref="CrossbarOptions.AsGrown"/> so the crossbar uses these very conductances instead of
/// programming the weights.
/// </summary>
public sealed class SwitchedConductances
{
    internal SwitchedConductances(double[] plus, double[] minus, double weightPerConductance)
    {
        Plus = plus;
        Minus = minus;
        WeightPerConductance = weightPerConductance;
        Weights = new float[plus.Length];
        for (int s = 0; s < plus.Length; s++)
        {
            Weights[s] = (float)((plus[s] - minus[s]) * weightPerConductance);
        }
    }

    /// <summary>Conductance of each synapse's positive cell (µS), in synapse generation order.</summary>
    public double[] Plus { get; }

    /// <summary>Conductance of each synapse's negative cell (µS).</summary>
    public double[] Minus { get; }

    /// <summary>Weight units per µS of conductance difference.</summary>
    public double WeightPerConductance { get; }

    /// <summary>The weights (unit of the target model), (G+ − G−)·<see cref="WeightPerConductance"/>.</summary>
    public float[] Weights { get; }

    /// <summary>Number of synapses.</summary>
    public int Count => Plus.Length;
}
