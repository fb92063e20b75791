using ILGPU;
using ILGPU.Runtime;
using Snn.Backends.Engine;
using Snn.Core;
using Snn.Core.Inputs;
using Snn.Core.Randomness;

namespace Snn.Backends.Gpu;

internal sealed partial class GpuSimulation
{
    /// <summary>Inputs: zeroes the injected neurons' currents and adds each active injection.</summary>
    void IStepPhases.Inputs(long step, int slot)
    {
        if (_injections.Length == 0)
        {
            return;
        }
        if (_injectedCount > 0)
        {
            _zeroCurrent(_device.Stream, _injectedCount, _injected.View, _device.State.Current);
        }
        for (int j = 0; j < _injections.Length; j++)
        {
            var injection = _injections[j];
            if (injection.Neurons.Length > 0 && injection.IsActive(step))
            {
                _addCurrent(_device.Stream, injection.Neurons.Length, _injectionNeurons[j].View, _device.State.Current, injection.MeanAt(step), injection.Noise(step));
            }
        }
    }

    /// <summary>Plastic arrivals: the synapses whose presynaptic spike reaches them now run the rule and
    /// transmit (<see cref="PlasticityKernels.Arrivals"/>).</summary>
    void IStepPhases.PlasticArrivals(long step, int slot)
    {
        foreach (var plastic in _plastic)
        {
            plastic.LaunchArrivals(_device, step);
        }
    }

    /// <summary>Neuron update: the Poisson drives, then one neuron kernel per population; spikes are
    /// compacted into the step's list with an atomic counter, recorded ones into the spike log buffer,
    /// and counted per population for the modulators.</summary>
    void IStepPhases.NeuronUpdate(long step, int slot)
    {
        foreach (var drive in _drives)
        {
            LaunchDrive(drive, step, slot);
        }
        foreach (var group in _groups)
        {
            group.Launch(_device, step, slot);
        }
    }

    /// <summary>Post-spike events: the rules' postsynaptic events, then the state samples.</summary>
    void IStepPhases.PostSpikeEvents(long step, int slot)
    {
        foreach (var plastic in _plastic)
        {
            plastic.LaunchPostSpikes(_device, step, slot);
        }
        foreach (var monitor in _stateMonitors)
        {
            monitor.Sample(_device, _sample, step);
        }
    }

    /// <summary>Delivery: short-term factors of the step's spikes, then the static synapses into the
    /// delay rings (atomic adds), scaled by those factors where the projection has short-term plasticity.
    /// Plastic synapses need nothing here: their arrivals read the spike lists of past steps, and the
    /// factors stored now in this slot's row, which stays until the ring comes round again.</summary>
    void IStepPhases.Delivery(long step, int slot)
    {
        _shortTerm?.Emit(_device, slot, step);
        if (_static.Count > 0 && _shortTerm is not null)
        {
            _shortTerm.Deliver(_device, _staticView, slot, _deliveryShape);
        }
        else if (_static.Count > 0)
        {
            _deliver(_device.Stream, _deliveryShape.Workers * _deliveryShape.Lanes, _device.Sink, _staticView, _device.Ring, slot, _deliveryShape);
        }
    }

    /// <summary>Periodic updates: the modulators advance, the next step's spike list is cleared, rules run
    /// their periodic update when due, weight snapshots are copied when due, and recorded spikes are
    /// copied back when the log buffer's batch is full.</summary>
    void IStepPhases.PeriodicUpdates(long step, int slot)
    {
        var stream = _device.Stream;
        if (_modulatorParameters.Length > 0)
        {
            _advanceModulators(stream, _modulatorParameters.Length, _modulators.View, _modulatorParameterBuffer.View, _device.Sink.PopulationCounts);
        }
        _device.Sink.PopulationCounts.MemSetToZero(stream);
        _device.Sink.Counts.SubView((step + 1) % _slots, 1).MemSetToZero(stream);
        foreach (var plastic in _plastic)
        {
            plastic.LaunchPeriodic(_device, step);
        }
        foreach (var monitor in _weightMonitors)
        {
            if (monitor.RowAfter(step) is { } row)
            {
                GetWeights(monitor.Monitor.Projection).CopyTo(row, 0);
            }
        }
        if (++_stepsSinceFlush >= _logBatchSteps)
        {
            FlushSpikes();
        }
    }

    private void LaunchDrive(PoissonDrive drive, long step, int slot)
    {
        double lambda = drive.RateHz * _network.Dt / 1000.0;
        if (lambda == 0)
        {
            return;
        }
        var parameters = new PoissonDriveStep
        {
            Column = drive.Target.Offset + (drive.Receptor == Receptor.Inhibitory ? _network.NeuronCount : 0),
            Slot = slot,
            Lambda = lambda,
            EmptyProbability = Math.Exp(-drive.RateHz * _network.Dt / 1000.0),
            Weight = (float)drive.Weight,
            Seed = _network.Seed,
            Stream = RngStreams.PoissonDrive(drive.Index),
            Step = step,
        };
        _drive(_device.Stream, drive.Target.Size, _device.Ring, parameters);
    }

    /// <summary>Copies the recorded spikes since the last copy to the host, in time order, ties by neuron.</summary>
    private void FlushSpikes()
    {
        _stepsSinceFlush = 0;
        if (_recordedCount == 0)
        {
            return;
        }
        var count = new int[1];
        _logCount.CopyToCPU(count);
        if (count[0] == 0)
        {
            return;
        }
        var neurons = new int[count[0]];
        var steps = new long[count[0]];
        _logNeurons.View.SubView(0, neurons.Length).CopyToCPU(neurons);
        _logSteps.View.SubView(0, steps.Length).CopyToCPU(steps);
        _logCount.MemSetToZero();
        var order = new int[neurons.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => steps[a] != steps[b] ? steps[a].CompareTo(steps[b]) : neurons[a].CompareTo(neurons[b]));
        foreach (int i in order)
        {
            _log.Add(steps[i], neurons[i]);
        }
    }
}
