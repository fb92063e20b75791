using BenchmarkDotNet.Attributes;
using Snn.Bench.Suites;
using Snn.Core.Models;

namespace Snn.MicroBench;

/// <summary>
/// One time step of N CUBA neurons (<see cref="LifCurrent"/>, the CUBA suite's parameters, dt 0.1 ms):
/// the vectorised <see cref="LifCurrent.StepBlock"/> against the scalar <see cref="LifCurrent.Step"/>
/// called per neuron, both over structure-of-arrays state as the CPU engine keeps it. The neurons'
/// rest (−49 mV) lies above threshold, so they fire regularly and the spike path is exercised.
/// </summary>
[MemoryDiagnoser]
public class NeuronUpdateBenchmarks
{
    private LifCurrent _model;
    private float[] _v = [];
    private float[] _u = [];
    private float[] _synE = [];
    private float[] _synI = [];
    private int[] _refractory = [];
    private float[] _inputE = [];
    private float[] _inputI = [];
    private float[] _current = [];
    private int[] _spikes = [];

    /// <summary>Number of neurons.</summary>
    [Params(4000, 40000)]
    public int Neurons { get; set; }

    /// <summary>Fills the state with CUBA-like values (v uniform in [Vr, Vt], some synaptic input).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = CubaNetwork.Neuron.Prepare(0.1);
        _v = new float[Neurons];
        _u = new float[Neurons];
        _synE = new float[Neurons];
        _synI = new float[Neurons];
        _refractory = new int[Neurons];
        _inputE = new float[Neurons];
        _inputI = new float[Neurons];
        _current = new float[Neurons];
        _spikes = new int[Neurons];
        var random = new Random(42);
        for (int i = 0; i < Neurons; i++)
        {
            _v[i] = (float)(-60 + 10 * random.NextDouble());
            _synE[i] = (float)(50 * random.NextDouble());
            _synI[i] = (float)(-100 * random.NextDouble());
            _inputE[i] = i % 7 == 0 ? (float)CubaNetwork.ExcitatoryWeightPa : 0f;
            _inputI[i] = i % 29 == 0 ? (float)CubaNetwork.InhibitoryWeightPa : 0f;
        }
    }

    /// <summary>The scalar update, one <see cref="LifCurrent.Step"/> per neuron.</summary>
    [Benchmark(Baseline = true)]
    public int Scalar()
    {
        var context = default(StepContext);
        int count = 0;
        for (int i = 0; i < _v.Length; i++)
        {
            var state = new NeuronState { V = _v[i], U = _u[i], SynE = _synE[i], SynI = _synI[i], RefractoryCountdown = _refractory[i] };
            if (_model.Step(ref state, _inputE[i], _inputI[i], _current[i], context))
            {
                _spikes[count++] = i;
            }
            _v[i] = state.V;
            _u[i] = state.U;
            _synE[i] = state.SynE;
            _synI[i] = state.SynI;
            _refractory[i] = state.RefractoryCountdown;
        }
        return count;
    }

    /// <summary>The vectorised block update.</summary>
    [Benchmark]
    public int Block()
    {
        var block = new NeuronBlock(_v, _u, _synE, _synI, _refractory, _inputE, _inputI, _current);
        return _model.StepBlock(block, _spikes);
    }
}
