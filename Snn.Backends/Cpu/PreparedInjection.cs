using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Randomness;

namespace Snn.Backends.Cpu;

/// <summary>A current injection resolved to global neuron indices and per-partition ranges; each neuron gets
/// its mean and its noise draw (keyed by seed, step and neuron) whichever partition or rank updates it.</summary>
internal sealed class PreparedInjection
{
    /// <summary>Neurons whose noise is drawn together (<see cref="PreparedCurrent.NoisesAt"/>).</summary>
    private const int NoiseChunk = 256;

    private readonly int[] _neurons;
    private readonly int[] _partStart;
    private readonly PreparedCurrent _current;
    private readonly ulong _seed;
    private readonly uint _stream;
    private readonly int _offset;

    /// <summary>Resolves <paramref name="injection"/>, keeping the global neurons <paramref name="keep"/> accepts (all when null).</summary>
    public PreparedInjection(CurrentInjection injection, Network network, Partitioning partitioning, Func<int, bool>? keep = null)
    {
        _offset = injection.Target.Offset;
        _neurons = injection.Neurons.Select(n => n + _offset).Where(n => keep is null || keep(n)).ToArray();
        _current = injection.Source.Prepare(network.Dt);
        _seed = network.Seed;
        _stream = RngStreams.CurrentNoise(injection.Index);
        _partStart = new int[partitioning.Count + 1];
        for (int p = 0; p <= partitioning.Count; p++)
        {
            int bound = p == partitioning.Count ? int.MaxValue : partitioning.Start(p);
            int index = Array.BinarySearch(_neurons, bound);
            _partStart[p] = index < 0 ? ~index : index;
        }
    }

    public ReadOnlySpan<int> NeuronsOf(int part) => _neurons.AsSpan(_partStart[part], _partStart[part + 1] - _partStart[part]);

    /// <summary>Adds this injection's current for <paramref name="step"/> to the neurons of <paramref name="part"/>.</summary>
    public void AddTo(float[] current, int part, long step)
    {
        var neurons = NeuronsOf(part);
        float mean = _current.MeanAt(step);
        if (_current.IsPerNeuron)
        {
            Span<uint> substreams = stackalloc uint[NoiseChunk];
            Span<float> noise = stackalloc float[NoiseChunk];
            for (int start = 0; start < neurons.Length; start += NoiseChunk)
            {
                var chunk = neurons.Slice(start, Math.Min(NoiseChunk, neurons.Length - start));
                for (int i = 0; i < chunk.Length; i++)
                {
                    substreams[i] = (uint)(chunk[i] - _offset);
                }
                _current.NoisesAt(step, substreams[..chunk.Length], _seed, _stream, noise);
                for (int i = 0; i < chunk.Length; i++)
                {
                    current[chunk[i]] += mean + noise[i];
                }
            }
        }
        else if (mean != 0)
        {
            foreach (int neuron in neurons)
            {
                current[neuron] += mean;
            }
        }
    }
}
