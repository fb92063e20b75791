using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Randomness;

namespace Snn.Backends.Gpu;

/// <summary>A current injection resolved to global neurons; the host computes each step's mean
/// (a schedule lookup) and the device adds it, with the per-neuron noise, to the current.</summary>
internal sealed class DeviceInjection
{
    private readonly PreparedCurrent _current;
    private readonly ulong _seed;
    private readonly uint _stream;
    private readonly int _offset;

    public DeviceInjection(CurrentInjection injection, Network network)
    {
        _offset = injection.Target.Offset;
        Neurons = injection.Neurons.Select(n => n + _offset).ToArray();
        _current = injection.Source.Prepare(network.Dt);
        _seed = network.Seed;
        _stream = RngStreams.CurrentNoise(injection.Index);
    }

    /// <summary>The receiving global neurons.</summary>
    public int[] Neurons { get; }

    public float MeanAt(long step) => _current.MeanAt(step);

    /// <summary>Whether the injection changes the current in <paramref name="step"/>.</summary>
    public bool IsActive(long step) => MeanAt(step) != 0 || Noise(step).Active != 0;

    public InjectionNoise Noise(long step) => new()
    {
        Active = _current.IsPerNeuron && step >= _current.NoiseStart && step < _current.NoiseStop ? 1 : 0,
        Sd = _current.NoiseSd,
        Seed = _seed,
        Stream = _stream,
        Step = step,
        Offset = _offset,
    };
}
