using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Recording;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Plasticity;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Backends.Onnx;

/// <summary>
/// A network running as an exported time-loop model in an ONNX Runtime session. Each
/// <see cref="Run"/> builds the input tensor [steps, 1, inputs] from the spike sources' trains,
/// runs the session with the state left by the previous call (none on the first, so the model's
/// initial state applies), keeps the returned state and logs the outputs for the monitors.
/// </summary>
internal sealed class OnnxSimulation : IWeightReading
{
    private readonly Network _network;
    private readonly OnnxModelLayout _layout;
    private readonly InferenceSession _session;
    private readonly Dictionary<Population, long[][]> _trains = [];
    private readonly Dictionary<Population, (List<long> Times, List<int> Neurons)> _spikes = [];
    private readonly Dictionary<StateMonitor, List<float[]>> _samples = [];
    private readonly Dictionary<Projection, float[]> _weights = [];
    private Array[]? _state;
    private long _step;
    private bool _disposed;

    public OnnxSimulation(Network network, OnnxModel model, InferenceSession session)
    {
        _network = network;
        _layout = model.Layout;
        _session = session;
        foreach (var population in _layout.InputPopulations)
        {
            _trains[population] = ((SpikeSourcePopulation)population).SpikeTimesInSteps();
        }
        foreach (var monitor in network.Monitors)
        {
            if (monitor is StateMonitor state)
            {
                _samples[state] = [];
            }
            else
            {
                _spikes.TryAdd(monitor.Population, ([], []));
            }
        }
    }

    public Network Network => _network;

    public long StepCount => _step;

    public double TimeMs => _step * _network.Dt;

    public void Run(double durationMs)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long steps = SimulationLimits.StepsOf(durationMs, _network.Dt);
        if (steps == 0)
        {
            return;
        }
        if (steps * Math.Max(1, _layout.InputWidth) > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs, $"durationMs = {durationMs} is too long for one ONNX call; run in shorter chunks.");
        }
        int width = _layout.InputWidth;
        var input = new float[steps * width];
        foreach (var population in _layout.InputPopulations)
        {
            int offset = _layout.InputOffset(population);
            var trains = _trains[population];
            for (int i = 0; i < trains.Length; i++)
            {
                foreach (long time in trains[i])
                {
                    long local = time - 1 - _step;
                    if (local >= 0 && local < steps)
                    {
                        input[local * width + offset + i] = 1f;
                    }
                }
            }
        }
        var names = new List<string> { _layout.InputName };
        var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(input, [steps, 1, width]) };
        try
        {
            if (_state is not null)
            {
                for (int s = 0; s < _state.Length; s++)
                {
                    names.Add(_layout.StateInputNames[s]);
                    values.Add(StateTensors.Wrap(_state[s]));
                }
            }
            var outputNames = _layout.OutputNames.Concat(_layout.StateOutputNames).ToArray();
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, names, values, outputNames);
            var byName = new Dictionary<string, OrtValue>();
            for (int o = 0; o < outputNames.Length; o++)
            {
                byName[outputNames[o]] = results[o];
            }
            Record(input, steps, byName);
            _state = new Array[_layout.StateOutputNames.Count];
            for (int s = 0; s < _state.Length; s++)
            {
                _state[s] = StateTensors.Read(byName[_layout.StateOutputNames[s]]);
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
        _step += steps;
    }

    private void Record(float[] input, long steps, Dictionary<string, OrtValue> outputs)
    {
        foreach (var (population, log) in _spikes)
        {
            bool isInput = population.SynapseKind == Core.Models.SynapseKind.None;
            var data = isInput ? input : outputs[_layout.SpikeOutput(population)].GetTensorDataAsSpan<float>();
            int width = isInput ? _layout.InputWidth : population.Size;
            int offset = isInput ? _layout.InputOffset(population) : 0;
            for (long t = 0; t < steps; t++)
            {
                for (int i = 0; i < population.Size; i++)
                {
                    if (data[(int)(t * width + offset + i)] != 0f)
                    {
                        log.Times.Add(_step + t + 1);
                        log.Neurons.Add(i);
                    }
                }
            }
        }
        foreach (var (monitor, rows) in _samples)
        {
            var data = outputs[_layout.StateOutput(monitor.Population, monitor.Variable)].GetTensorDataAsSpan<float>();
            int size = monitor.Population.Size;
            for (long t = 0; t < steps; t++)
            {
                if ((_step + t + 1) % monitor.IntervalSteps != 0)
                {
                    continue;
                }
                var row = new float[monitor.Neurons.Count];
                for (int k = 0; k < row.Length; k++)
                {
                    row[k] = data[(int)(t * size + monitor.Neurons[k])];
                }
                rows.Add(row);
            }
        }
    }

    public SpikeRecord GetSpikes(SpikeMonitor monitor, double sinceMs = 0)
    {
        CheckMonitor(monitor);
        long since = MonitorRecords.SinceStep(sinceMs, _network.Dt);
        var wanted = MonitorRecords.Mask(monitor);
        var (allTimes, allNeurons) = _spikes[monitor.Population];
        var times = new List<long>();
        var neurons = new List<int>();
        for (int s = 0; s < allTimes.Count; s++)
        {
            if (allTimes[s] > since && wanted[allNeurons[s]])
            {
                times.Add(allTimes[s]);
                neurons.Add(allNeurons[s]);
            }
        }
        return MonitorRecords.Spikes(monitor, [.. times], [.. neurons], _network.Dt, since, TimeMs);
    }

    public StateRecord GetState(StateMonitor monitor)
    {
        CheckMonitor(monitor);
        var rows = _samples[monitor];
        var times = new double[rows.Count];
        for (int s = 0; s < times.Length; s++)
        {
            times[s] = (s + 1) * monitor.IntervalSteps * _network.Dt;
        }
        return new StateRecord(monitor.Variable, [.. monitor.Neurons], times, [.. rows.Select(r => (float[])r.Clone())]);
    }

    public RateRecord GetRate(RateMonitor monitor)
    {
        CheckMonitor(monitor);
        return MonitorRecords.Rate(monitor, _spikes[monitor.Population].Times, _step, _network.Dt);
    }

    public float[] GetWeights(Projection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (!_network.Projections.Contains(projection))
        {
            throw new ArgumentException($"Projection {projection.Name} belongs to another network.", nameof(projection));
        }
        if (!_weights.TryGetValue(projection, out var weights))
        {
            weights = projection.Instantiate().Weights;
            _weights[projection] = weights;
        }
        return (float[])weights.Clone();
    }

    private void CheckMonitor(NeuronMonitor monitor) => SimulationChecks.Monitor(_network, monitor);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }
}
