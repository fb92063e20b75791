using Snn.Core.Models;

namespace Snn.Core.Monitors;

/// <summary>Recorded samples of one state variable: <c>Values[sample][k]</c> is neuron
/// <c>Neurons[k]</c> at <c>Times[sample]</c> (ms, the end of the sampled step).</summary>
/// <param name="Variable">The variable.</param>
/// <param name="Neurons">The recorded neurons (population-local).</param>
/// <param name="Times">Sample times (ms).</param>
/// <param name="Values">Samples, one row per time.</param>
public sealed record StateRecord(StateVariable Variable, int[] Neurons, double[] Times, float[][] Values)
{
    /// <summary>The trace of the k-th recorded neuron.</summary>
    public float[] Trace(int k)
    {
        var trace = new float[Values.Length];
        for (int s = 0; s < trace.Length; s++)
        {
            trace[s] = Values[s][k];
        }
        return trace;
    }
}
