using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Randomness;

namespace Snn.Backends.Mpi;

/// <summary>A current injection restricted to the neurons one rank owns; each owned neuron gets the
/// same mean and the same noise draw (keyed by seed, step and neuron) as in the one-process engine.</summary>
internal sealed class OwnedInjection
{
    private readonly int[] _neurons;
    private readonly PreparedCurrent _current;
    private readonly ulong _seed;
    private readonly uint _stream;
    private readonly int _offset;

    public OwnedInjection(CurrentInjection injection, Network network, Func<int, bool> owns)
    {
        _offset = injection.Target.Offset;
        _neurons = injection.Neurons.Select(n => n + _offset).Where(owns).ToArray();
        _current = injection.Source.Prepare(network.Dt);
        _seed = network.Seed;
        _stream = RngStreams.CurrentNoise(injection.Index);
    }

    /// <summary>The owned global neurons this injection feeds, ascending.</summary>
    public ReadOnlySpan<int> Neurons => _neurons;

    /// <summary>Adds this injection's current for <paramref name="step"/> to its owned neurons (pA).</summary>
    public void AddTo(float[] current, long step)
    {
        float mean = _current.MeanAt(step);
        if (_current.IsPerNeuron)
        {
            foreach (int neuron in _neurons)
            {
                current[neuron] += mean + _current.NoiseAt(step, neuron - _offset, _seed, _stream);
            }
        }
        else if (mean != 0)
        {
            foreach (int neuron in _neurons)
            {
                current[neuron] += mean;
            }
        }
    }
}
