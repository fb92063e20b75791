using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// <see cref="LifCurrent"/> as ONNX operators, in the order of <see cref="LifCurrent.Integrate(ref NeuronState, float, float, float)"/>
/// and <see cref="LifCurrent.Step"/>: relative = P20 (I_e + 0) + P22 (V − E_L) + P21e I_e,syn +
/// P21i I_i,syn, V ← relative + E_L unless refractory, I_x,syn ← I_x,syn P11x + input, then
/// V ≥ V_th fires. The propagators are each neuron's <see cref="LifCurrentPropagators"/> over dt,
/// rounded to float as <see cref="LifCurrent.Prepare"/> rounds them.
/// </summary>
internal sealed class LifCurrentLowering : PopulationLowering
{
    private readonly Population<LifCurrent> _population;
    private readonly double _dt;

    public LifCurrentLowering(Population<LifCurrent> population)
        : base(population)
    {
        _population = population;
        _dt = population.Network.Dt;
        Slots = LifSlots();
    }

    public override IReadOnlyList<StateSlot> Slots { get; }

    public override (string[] State, string Spikes) Step(GraphBuilder graph, string[] state, string inputExcitatory, string inputInhibitory)
    {
        string v = state[0], synE = state[1], synI = state[2], refractory = state[3];
        var m = _population.ModelOf;
        double dt = _dt;
        LifCurrentPropagators P(int i) => LifCurrentPropagators.Over(m(i), dt);
        string el = Parameter(graph, i => (float)m(i).EL);
        string bias = Parameter(graph, i => (float)P(i).CurrentToVoltage * ((float)m(i).IE + 0f));
        string p22 = Parameter(graph, i => (float)P(i).MembraneDecay);
        string p21E = Parameter(graph, i => (float)P(i).ExcitatoryToVoltage);
        string p21I = Parameter(graph, i => (float)P(i).InhibitoryToVoltage);
        string p11E = Parameter(graph, i => (float)P(i).ExcitatoryDecay);
        string p11I = Parameter(graph, i => (float)P(i).InhibitoryDecay);

        string integrating = graph.Op("Equal", refractory, graph.Scalar(0));
        string relative = graph.Add(bias, graph.Mul(p22, graph.Sub(v, el)));
        relative = graph.Add(relative, graph.Mul(p21E, synE));
        relative = graph.Add(relative, graph.Mul(p21I, synI));
        var (held, counting) = Refractory(graph, integrating, graph.Add(relative, el), v, refractory);
        string newSynE = graph.Add(graph.Mul(synE, p11E), inputExcitatory);
        string newSynI = graph.Add(graph.Mul(synI, p11I), inputInhibitory);
        var (newV, newRefractory, spikes) = Fire(graph, held, counting,
            Parameter(graph, i => (float)m(i).VThreshold),
            Parameter(graph, i => (float)m(i).VReset),
            IntParameter(graph, i => P(i).RefractorySteps));
        return ([newV, newSynE, newSynI, newRefractory], spikes);
    }
}
