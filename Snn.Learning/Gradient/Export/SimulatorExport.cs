using System.Numerics.Tensors;
using Snn.Core;
using Snn.Core.Connections;
using Snn.Core.Distributions;
using Snn.Core.Models;
using Snn.Core.Simulation;
using Snn.Core.Validation;

namespace Snn.Learning.Gradient.Export;

/// <summary>
/// Transfers a trained <see cref="DelayNetwork"/> to the simulator: one spike source per input
/// channel (bin s fires at (s + 1)·dt, i.e. in step s), one <see cref="DiscreteLif"/> population per
/// hidden layer (batch norm folded into the weights and a per-neuron bias that starts with the
/// layer's first trained step), a non-spiking
/// <see cref="DiscreteLif"/> readout, and all-to-all projections with the learned weights (mV jumps)
/// and integer delays (trained delay + 1 step, the simulator's minimum). Any backend runs it.
/// </summary>
public static class SimulatorExport
{
    /// <summary>Builds the simulator network of <paramref name="model"/> fed with one sample.</summary>
    /// <param name="model">The trained network.</param>
    /// <param name="sample">[steps, inputs] values, each exactly 0 or 1.</param>
    /// <param name="steps">Steps of the sample, ≥ 1.</param>
    /// <param name="dtMs">The simulator time step (ms), &gt; 0 (one trained bin per step).</param>
    public static ExportedNetwork Build(DelayNetwork model, ReadOnlySpan<float> sample, int steps, double dtMs = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.PositiveCount(steps, nameof(steps));
        Guard.Positive(dtMs, nameof(dtMs));
        var config = model.Config;
        if (sample.Length != steps * config.Inputs)
        {
            throw new ArgumentException($"sample.Length = {sample.Length} must be steps × inputs = {steps * config.Inputs}.", nameof(sample));
        }
        var times = new double[config.Inputs][];
        var list = new List<double>(steps);
        for (int c = 0; c < config.Inputs; c++)
        {
            list.Clear();
            for (int s = 0; s < steps; s++)
            {
                float value = sample[s * config.Inputs + c];
                if (value != 0f && value != 1f)
                {
                    throw new ArgumentOutOfRangeException(nameof(sample), value, $"sample[{s * config.Inputs + c}] = {value} must be 0 or 1: a spike source fires at most once per step.");
                }
                if (value == 1f)
                {
                    list.Add((s + 1) * dtMs);
                }
            }
            times[c] = [.. list];
        }
        var network = new Network(0, dtMs);
        var input = network.AddSpikeSource("input", times);
        Population source = input;
        int layers = model.LayerCount;
        var hidden = new Population[layers - 1];
        var monitors = new Snn.Core.Monitors.SpikeMonitor[layers - 1];
        float decay = model.Decay;
        Population readout = input;
        for (int l = 0; l < layers; l++)
        {
            var (weights, bias) = model.GetFoldedWeights(l);
            var delays = model.GetDelays(l);
            int inputs = model.InputsOf(l);
            int outputs = model.OutputsOf(l);
            Population target;
            if (l < layers - 1)
            {
                var models = new DiscreteLif[outputs];
                for (int k = 0; k < outputs; k++)
                {
                    models[k] = new DiscreteLif { Decay = decay, Bias = bias[k], BiasOnsetStep = l + 1 };
                }
                target = network.AddPopulation($"hidden{l}", models);
                hidden[l] = target;
                monitors[l] = network.RecordSpikes(target);
            }
            else
            {
                target = network.AddPopulation("readout", outputs, new DiscreteLif { Decay = decay, Spiking = false });
                readout = target;
            }
            var sources = new int[inputs * outputs];
            var targets = new int[inputs * outputs];
            var weightValues = new double[inputs * outputs];
            var delayValues = new double[inputs * outputs];
            for (int i = 0; i < inputs; i++)
            {
                for (int k = 0; k < outputs; k++)
                {
                    int s = i * outputs + k;
                    sources[s] = i;
                    targets[s] = k;
                    weightValues[s] = weights[s];
                    delayValues[s] = (delays[s] + 1) * dtMs;
                }
            }
            network.Connect(source, target, Connectivity.Pairs(sources, targets),
                Synapse.Excitatory(Dist.Explicit(weightValues), Dist.Explicit(delayValues)));
            source = target;
        }
        var membrane = network.RecordState(readout, StateVariable.V);
        return new ExportedNetwork(network, input, hidden, readout, monitors, membrane, steps);
    }

    /// <summary>Runs one sample on <paramref name="backend"/> and returns argmax_c Σ_t softmax(v[t])_c
    /// of the simulated readout.</summary>
    /// <param name="backend">The engine.</param>
    /// <param name="model">The trained network.</param>
    /// <param name="sample">[steps, inputs] values 0 or 1.</param>
    /// <param name="steps">Steps, ≥ 1.</param>
    /// <param name="dtMs">Simulator step (ms), &gt; 0.</param>
    public static int Classify(IBackend backend, DelayNetwork model, ReadOnlySpan<float> sample, int steps, double dtMs = 1.0)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var exported = Build(model, sample, steps, dtMs);
        using var simulation = backend.Compile(exported.Network);
        simulation.Run(exported.DurationMs);
        var trace = exported.ReadoutTrace(simulation);
        int classes = exported.Readout.Size;
        var sum = new float[classes];
        var p = new float[classes];
        SpikeKernels.SoftmaxSum(trace, steps, classes, sum, p);
        return TensorPrimitives.IndexOfMax(sum);
    }

    /// <summary>The accuracy, in [0, 1], of <paramref name="model"/> simulated on <paramref name="backend"/>
    /// over the first <paramref name="maxSamples"/> samples (all by default) of <paramref name="data"/>.</summary>
    /// <param name="backend">The engine.</param>
    /// <param name="model">The trained network.</param>
    /// <param name="data">Samples with values 0 or 1.</param>
    /// <param name="dtMs">Simulator step (ms), &gt; 0.</param>
    /// <param name="maxSamples">How many samples, ≥ 1, or null for all.</param>
    public static double Accuracy(IBackend backend, DelayNetwork model, SpikeTensorSet data, double dtMs = 1.0, int? maxSamples = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        int count = maxSamples is int m ? Math.Min(Guard.PositiveCount(m, nameof(maxSamples)), data.Count) : data.Count;
        int correct = 0;
        for (int n = 0; n < count; n++)
        {
            correct += Classify(backend, model, data.Sample(n), data.Steps, dtMs) == data.Labels[n] ? 1 : 0;
        }
        return (double)correct / count;
    }
}
