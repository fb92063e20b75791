using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// <see cref="DiscreteLif"/> as ONNX operators, in the order of its <c>Step</c>:
/// V ← Decay V + ((input_e + input_i) + bias), then V ≥ V_th fires with V ← V_reset where the
/// neuron is <see cref="DiscreteLif.Spiking"/> (a non-spiking readout never fires). The bias is
/// <see cref="DiscreteLif.Bias"/> from step <see cref="DiscreteLif.BiasOnsetStep"/> on and +0
/// before. Since a step of the graph does not know its index, a population with a later onset
/// carries a per-neuron int32 countdown of the steps left before its bias flows (initially the
/// onset, lowered by one each step until 0), so runs in chunks and state passed between calls
/// keep the engine's step count.
/// </summary>
internal sealed class DiscreteLifLowering : PopulationLowering
{
    private readonly Population<DiscreteLif> _population;
    private readonly bool _countsDown;

    public DiscreteLifLowering(Population<DiscreteLif> population)
        : base(population)
    {
        _population = population;
        var (v, _, _, _, _) = InitialValues();
        var onsets = new int[population.Size];
        for (int i = 0; i < onsets.Length; i++)
        {
            long onset = population.ModelOf(i).BiasOnsetStep;
            if (onset > int.MaxValue)
            {
                throw new NotSupportedException(
                    $"Population '{population.Name}' neuron {i} has BiasOnsetStep = {onset}; the ONNX export counts down to the bias onset in int32 (at most {int.MaxValue} steps).");
            }
            onsets[i] = (int)onset;
            _countsDown |= onset > 0;
        }
        Slots = _countsDown
            ?
            [
                new StateSlot("V", TensorProto.Types.DataType.Float, StateVariable.V, v, null),
                new StateSlot("BiasWait", TensorProto.Types.DataType.Int32, null, null, onsets),
            ]
            : [new StateSlot("V", TensorProto.Types.DataType.Float, StateVariable.V, v, null)];
    }

    public override IReadOnlyList<StateSlot> Slots { get; }

    public override (string[] State, string Spikes) Step(GraphBuilder graph, string[] state, string inputExcitatory, string inputInhibitory)
    {
        var m = _population.ModelOf;
        string v = state[0];
        string bias = Parameter(graph, i => m(i).Bias);
        string? wait = null;
        if (_countsDown)
        {
            string flowing = graph.Op("Equal", state[1], graph.Scalar(0));
            bias = graph.Where(flowing, bias, graph.Scalar(0f));
            wait = graph.Where(flowing, state[1], graph.Sub(state[1], graph.Scalar(1)));
        }
        string integrated = graph.Add(
            graph.Mul(Parameter(graph, i => m(i).Decay), v),
            graph.Add(graph.Add(inputExcitatory, inputInhibitory), bias));

        string newV, spikes;
        int spiking = Enumerable.Range(0, Population.Size).Count(i => m(i).Spiking);
        if (spiking == 0)
        {
            newV = integrated;
            spikes = graph.Op("ConstantOfShape", graph.Op("Shape", integrated));
        }
        else
        {
            string fired = graph.Op("GreaterOrEqual", integrated, Parameter(graph, i => m(i).VThreshold));
            if (spiking < Population.Size)
            {
                fired = graph.Op("And", fired, graph.Cast(IntParameter(graph, i => m(i).Spiking ? 1 : 0), TensorProto.Types.DataType.Bool));
            }
            newV = graph.Where(fired, Parameter(graph, i => m(i).VReset), integrated);
            spikes = graph.Cast(fired, TensorProto.Types.DataType.Float);
        }
        return (wait is null ? [newV] : [newV, wait], spikes);
    }
}
