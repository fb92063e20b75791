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
/// keep the engine's step count. A time loop can instead take the bias of every step as a scan
/// input computed before it starts (<see cref="BiasOverRun"/>), which keeps the countdown's four
/// nodes out of the loop.
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

    /// <summary>True when the population carries the bias-onset countdown (slot <see cref="WaitSlot"/>).</summary>
    public bool CountsDown => _countsDown;

    /// <summary>The slot of the bias-onset countdown, when <see cref="CountsDown"/>.</summary>
    public static int WaitSlot => 1;

    public override (string[] State, string Spikes) Step(GraphBuilder graph, string[] state, string inputExcitatory, string inputInhibitory)
    {
        string bias = Parameter(graph, i => _population.ModelOf(i).Bias);
        if (!_countsDown)
        {
            return Integrate(graph, state[0], inputExcitatory, inputInhibitory, bias);
        }
        string flowing = graph.Op("Equal", state[WaitSlot], graph.Scalar(0));
        string wait = graph.Where(flowing, state[WaitSlot], graph.Sub(state[WaitSlot], graph.Scalar(1)));
        var (integrated, spikes) = Integrate(graph, state[0], inputExcitatory, inputInhibitory, graph.Where(flowing, bias, graph.Scalar(0f)));
        return ([integrated[0], wait], spikes);
    }

    /// <summary>One step with the step's bias given (<paramref name="biasNow"/>, [batch, size], from
    /// <see cref="BiasOverRun"/>, with the inputs computed before the loop already added where the
    /// inputs are +0): the state is V alone.</summary>
    public (string[] State, string Spikes) StepWithBias(GraphBuilder graph, string v, string inputExcitatory, string inputInhibitory, string biasNow)
        => Integrate(graph, v, inputExcitatory, inputInhibitory, biasNow);

    /// <summary>The step indices of a run, [steps, 1, 1], and its step count, [1], both int32,
    /// from <paramref name="steps"/> ([1], int64), for <see cref="BiasOverRun"/>.</summary>
    public static (string Steps, string Count) StepIndices(GraphBuilder graph, string steps)
    {
        string count = graph.Cast(steps, TensorProto.Types.DataType.Int32);
        return (graph.Op("Reshape", graph.Op("Range", graph.Scalar(0), graph.Op("Squeeze", count), graph.Scalar(1)), graph.Int64s(-1, 1, 1)), count);
    }

    /// <summary>The bias of every step of a run, [steps, batch, size] (+0 before each neuron's
    /// onset, as <see cref="Step"/> gives it), and the countdown after the run, from the countdown
    /// <paramref name="wait"/> at its start ([batch, size], int32) and the run's
    /// <see cref="StepIndices"/>: at step t the bias flows where wait − t ≤ 0, and the countdown
    /// ends at max(wait − steps, 0).</summary>
    public (string Bias, string FinalWait) BiasOverRun(GraphBuilder graph, string wait, (string Steps, string Count) run)
    {
        var (step, count) = run;
        string flowing = graph.Op("LessOrEqual", graph.Sub(graph.Op("Unsqueeze", wait, graph.Int64s(0)), step), graph.Scalar(0));
        string bias = graph.Where(flowing, Parameter(graph, i => _population.ModelOf(i).Bias), graph.Scalar(0f));
        string finalWait = graph.Op("Max", graph.Sub(wait, count), graph.Scalar(0));
        return (bias, finalWait);
    }

    private (string[] State, string Spikes) Integrate(GraphBuilder graph, string v, string inputExcitatory, string inputInhibitory, string bias)
    {
        var m = _population.ModelOf;
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
        return ([newV], spikes);
    }
}
