namespace Snn.Backends.Cpu;

/// <summary>The state of all neurons as structure of arrays, indexed by global neuron number.</summary>
internal sealed class NeuronStateArrays(int count)
{
    public float[] V { get; } = new float[count];

    public float[] U { get; } = new float[count];

    public float[] SynE { get; } = new float[count];

    public float[] SynI { get; } = new float[count];

    public int[] Refractory { get; } = new int[count];

    public float[] Current { get; } = new float[count];

    public int Count => count;
}
