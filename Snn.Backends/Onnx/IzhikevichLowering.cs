using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// <see cref="Izhikevich"/> as ONNX operators, in the order of its <c>Step</c>: the drive
/// (I + 0) + (input_e + input_i) / dt, the forward-Euler sub-steps
/// v ← v + h ((((0.04 v) v + 5 v) + 140) − u + drive), then u ← u + (dt a)(b v − u), then
/// v ≥ v_peak fires with v ← c, u ← u + d. The sub-steps are unrolled.
/// </summary>
internal sealed class IzhikevichLowering : PopulationLowering
{
    private readonly Population<Izhikevich> _population;
    private readonly double _dt;

    public IzhikevichLowering(Population<Izhikevich> population)
        : base(population)
    {
        _population = population;
        _dt = population.Network.Dt;
        var (v, u, _, _, _) = InitialValues();
        Slots =
        [
            new StateSlot("V", TensorProto.Types.DataType.Float, StateVariable.V, v, null),
            new StateSlot("U", TensorProto.Types.DataType.Float, StateVariable.U, u, null),
        ];
    }

    public override IReadOnlyList<StateSlot> Slots { get; }

    public override (string[] State, string Spikes) Step(GraphBuilder graph, string[] state, string inputExcitatory, string inputInhibitory)
    {
        var m = _population.ModelOf;
        var schedule = IzhikevichSubSteps.For(_dt);
        int subSteps = schedule.Count;
        float subStep = (float)schedule.SubStep;
        float dt = (float)_dt;
        string bias = Parameter(graph, i => (float)m(i).Bias + 0f);
        string dtA = Parameter(graph, i => dt * (float)m(i).A);
        string b = Parameter(graph, i => (float)m(i).B);

        string drive = graph.Add(bias, graph.Div(graph.Add(inputExcitatory, inputInhibitory), graph.Scalar(dt)));
        string v = state[0], u = state[1];
        for (int k = 0; k < subSteps; k++)
        {
            string slope = graph.Mul(graph.Mul(graph.Scalar(0.04f), v), v);
            slope = graph.Add(slope, graph.Mul(graph.Scalar(5f), v));
            slope = graph.Add(slope, graph.Scalar(140f));
            slope = graph.Sub(slope, u);
            slope = graph.Add(slope, drive);
            v = graph.Add(v, graph.Mul(graph.Scalar(subStep), slope));
        }
        u = graph.Add(u, graph.Mul(dtA, graph.Sub(graph.Mul(b, v), u)));
        string fired = graph.Op("GreaterOrEqual", v, Parameter(graph, i => (float)m(i).VPeak));
        string newV = graph.Where(fired, Parameter(graph, i => (float)m(i).C), v);
        string newU = graph.Where(fired, graph.Add(u, Parameter(graph, i => (float)m(i).D)), u);
        return ([newV, newU], graph.Cast(fired, TensorProto.Types.DataType.Float));
    }
}
