using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// Writes one time step of a population of model neurons as ONNX operators that repeat the
/// engine's float arithmetic operation for operation (same operands, same order), so ONNX
/// Runtime reproduces the CPU engine's numbers bit for bit.
/// </summary>
internal abstract class PopulationLowering(Population population)
{
    public Population Population { get; } = population;

    /// <summary>The state tensors this model carries from step to step.</summary>
    public abstract IReadOnlyList<StateSlot> Slots { get; }

    /// <summary>Adds one step. <paramref name="state"/> holds the names of the slots' current values,
    /// the inputs are the summed synaptic weights arriving this step, [batch, size] each.</summary>
    /// <returns>The names of the slots' new values and of the float spike tensor (1 = fired).</returns>
    public abstract (string[] State, string Spikes) Step(GraphBuilder graph, string[] state, string inputExcitatory, string inputInhibitory);

    /// <summary>The index in <see cref="Slots"/> of <paramref name="variable"/>, or -1.</summary>
    public int SlotOf(StateVariable variable)
    {
        for (int k = 0; k < Slots.Count; k++)
        {
            if (Slots[k].Variable == variable)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>The initial value of each state variable and the refractory countdown of every neuron.</summary>
    protected (float[] V, float[] U, float[] SynE, float[] SynI, int[] Refractory) InitialValues()
    {
        var states = Population.InitialStates();
        int n = states.Length;
        var v = new float[n];
        var u = new float[n];
        var synE = new float[n];
        var synI = new float[n];
        var refractory = new int[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = states[i].V;
            u[i] = states[i].U;
            synE[i] = states[i].SynE;
            synI[i] = states[i].SynI;
            refractory[i] = states[i].RefractoryCountdown;
        }
        return (v, u, synE, synI, refractory);
    }

    /// <summary>The state of a LIF population with exponential synapses (current- or conductance-based):
    /// V, SynE, SynI and the refractory countdown, at their initial values.</summary>
    protected IReadOnlyList<StateSlot> LifSlots()
    {
        var (v, _, synE, synI, refractory) = InitialValues();
        return
        [
            new StateSlot("V", TensorProto.Types.DataType.Float, StateVariable.V, v, null),
            new StateSlot("SynE", TensorProto.Types.DataType.Float, StateVariable.SynE, synE, null),
            new StateSlot("SynI", TensorProto.Types.DataType.Float, StateVariable.SynI, synI, null),
            new StateSlot("Refractory", TensorProto.Types.DataType.Int32, null, null, refractory),
        ];
    }

    /// <summary>A per-neuron float parameter: a scalar constant when every neuron has the same
    /// value, otherwise a [size] vector that broadcasts over the batch.</summary>
    protected string Parameter(GraphBuilder graph, Func<int, float> valueOf)
    {
        var values = new float[Population.Size];
        bool uniform = true;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = valueOf(i);
            uniform &= BitConverter.SingleToInt32Bits(values[i]) == BitConverter.SingleToInt32Bits(values[0]);
        }
        return uniform ? graph.Scalar(values[0]) : graph.Constant(GraphBuilder.TensorOf(values, [values.Length]));
    }

    /// <summary>A per-neuron int32 parameter (see <see cref="Parameter"/>).</summary>
    protected string IntParameter(GraphBuilder graph, Func<int, int> valueOf)
    {
        var values = new int[Population.Size];
        bool uniform = true;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = valueOf(i);
            uniform &= values[i] == values[0];
        }
        return uniform ? graph.Scalar(values[0]) : graph.Constant(GraphBuilder.TensorOf(values, [values.Length]));
    }

    /// <summary>The refractory rule shared by the LIF models: where the countdown is zero the new
    /// membrane value is taken and the countdown stays, elsewhere V is held and the countdown drops.</summary>
    protected static (string V, string Refractory) Refractory(GraphBuilder graph, string integrating, string integrated, string v, string refractory)
        => (graph.Where(integrating, integrated, v), graph.Where(integrating, refractory, graph.Sub(refractory, graph.Scalar(1))));

    /// <summary>Threshold and reset: V ≥ threshold fires, V ← reset and the countdown restarts.</summary>
    protected static (string V, string Refractory, string Spikes) Fire(GraphBuilder graph, string v, string refractory, string threshold, string reset, string refractorySteps)
    {
        string fired = graph.Op("GreaterOrEqual", v, threshold);
        return (graph.Where(fired, reset, v), graph.Where(fired, refractorySteps, refractory), graph.Cast(fired, TensorProto.Types.DataType.Float));
    }
}
