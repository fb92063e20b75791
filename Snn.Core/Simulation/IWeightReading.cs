namespace Snn.Core.Simulation;

/// <summary>A simulation whose synaptic weights can be read between runs.</summary>
public interface IWeightReading : ISimulation
{
    /// <summary>The current weights of <paramref name="projection"/>, in the order of
    /// <see cref="Projection.Instantiate"/>.</summary>
    float[] GetWeights(Projection projection);
}
