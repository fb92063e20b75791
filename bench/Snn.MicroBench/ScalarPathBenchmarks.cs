using BenchmarkDotNet.Attributes;
using Snn.Core.Models;

namespace Snn.MicroBench;

/// <summary>
/// Where the time of a user's model without a block update goes (<see cref="UserLif"/>, 40,000
/// neurons, one step): the engine's per-neuron loop (<see cref="BlockUpdate.StepEach{TModel}(in TModel, in NeuronBlock, int, Span{int}, int)"/>),
/// the loop the engine used before it (per-neuron array reads and writes through bounds-checked
/// indexers, a per-neuron branch between shared and per-neuron parameters, the input cleared
/// neuron by neuron), and the model's own arithmetic written inline over the arrays, the floor
/// for any scalar path.
/// </summary>
public class ScalarPathBenchmarks
{
    private const int Neurons = 40000;
    private readonly float[] _v = new float[Neurons];
    private readonly float[] _u = new float[Neurons];
    private readonly float[] _synE = new float[Neurons];
    private readonly float[] _synI = new float[Neurons];
    private readonly int[] _refractory = new int[Neurons];
    private readonly float[] _inputE = new float[Neurons];
    private readonly float[] _inputI = new float[Neurons];
    private readonly float[] _current = new float[Neurons];
    private readonly int[] _spikes = new int[Neurons];
    private readonly UserLif[] _models = [new UserLif().Prepare(0.1)];
    private readonly float _dtOverTau = (float)(0.1 / 20);
    private readonly float _synDecay = (float)Math.Exp(-0.1 / 5.0);

    /// <summary>Spreads V over [VReset, VThreshold].</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < Neurons; i++)
        {
            _v[i] = (float)(-60 + 10 * random.NextDouble());
        }
    }

    /// <summary>The engine's loop.</summary>
    [Benchmark(OperationsPerInvoke = Neurons)]
    public int EngineLoop()
    {
        var block = new NeuronBlock(_v, _u, _synE, _synI, _refractory, _inputE, _inputI, _current, new StepContext(1, 2, 3, 0));
        return BlockUpdate.StepEach(_models[0], block, 0, _spikes, 0);
    }

    /// <summary>The engine's loop before.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Neurons)]
    public int PreviousEngineLoop()
    {
        bool heterogeneous = _models.Length > 1;
        var shared = _models[0];
        int count = 0;
        for (int i = 0; i < Neurons; i++)
        {
            var neuron = new NeuronState { V = _v[i], U = _u[i], SynE = _synE[i], SynI = _synI[i], RefractoryCountdown = _refractory[i] };
            float inputE = _inputE[i];
            float inputI = _inputI[i];
            _inputE[i] = 0;
            _inputI[i] = 0;
            var context = new StepContext(1, 2, 3, i);
            bool fired = heterogeneous
                ? _models[i].Step(ref neuron, inputE, inputI, _current[i], context)
                : shared.Step(ref neuron, inputE, inputI, _current[i], context);
            _v[i] = neuron.V;
            _u[i] = neuron.U;
            _synE[i] = neuron.SynE;
            _synI[i] = neuron.SynI;
            _refractory[i] = neuron.RefractoryCountdown;
            if (fired)
            {
                _spikes[count++] = i;
            }
        }
        return count;
    }

    /// <summary>The model's arithmetic inline (what the JIT could make of <see cref="UserLif.Step"/> with nothing around it).</summary>
    [Benchmark(OperationsPerInvoke = Neurons)]
    public int ArithmeticOnly()
    {
        int count = 0;
        for (int i = 0; i < _v.Length; i++)
        {
            float v = _v[i];
            if (_refractory[i] > 0)
            {
                _refractory[i]--;
            }
            else
            {
                v += _dtOverTau * (-45f - v + _synE[i] + _synI[i] + _current[i]);
            }
            _synE[i] = _synE[i] * _synDecay + _inputE[i];
            _synI[i] = _synI[i] * _synDecay + _inputI[i];
            if (v >= -50f)
            {
                v = -60f;
                _refractory[i] = 20;
                _spikes[count++] = i;
            }
            _v[i] = v;
        }
        return count;
    }
}
