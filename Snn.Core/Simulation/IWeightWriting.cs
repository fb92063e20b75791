namespace Snn.Core.Simulation;

/// <summary>A simulation whose synaptic weights can be read and replaced between runs.</summary>
public interface IWeightWriting : IWeightReading
{
    /// <summary>Replaces the weights of <paramref name="projection"/> (same order and count as
    /// <see cref="IWeightReading.GetWeights"/>).</summary>
    void SetWeights(Projection projection, ReadOnlySpan<float> weights);
}
