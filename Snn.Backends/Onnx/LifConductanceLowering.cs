using Snn.Backends.Onnx.Proto;
using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Onnx;

/// <summary>
/// <see cref="LifConductance"/> as ONNX operators, in the order of its <c>Step</c>:
/// g_tot = (g_L + g_e) + g_i, V∞ = ((((g_L E_L) + g_e E_e) + g_i E_i) + I_e + 0) / g_tot,
/// V ← V∞ + (V − V∞) exp(−(h/C) g_tot) unless refractory (or, under forward Euler,
/// V ← V + (h/C)·drive), then the conductances decay and take
/// their input, then V ≥ V_th fires. exp is <see cref="ExpLowering"/>, the same function as the
/// engine's <see cref="Core.Numerics.DeterministicMath.Exp(float)"/>; the step constants are each
/// neuron's <see cref="LifConductancePropagators"/>, rounded to float as the model rounds them.
/// </summary>
internal sealed class LifConductanceLowering : PopulationLowering
{
    private readonly Population<LifConductance> _population;
    private readonly double _dt;

    public LifConductanceLowering(Population<LifConductance> population)
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
        LifConductancePropagators P(int i) => LifConductancePropagators.Over(m(i), dt);
        string gL = Parameter(graph, i => (float)m(i).GL);
        string leak = Parameter(graph, i => (float)m(i).GL * (float)m(i).EL);
        string eE = Parameter(graph, i => (float)m(i).EExcitatory);
        string eI = Parameter(graph, i => (float)m(i).EInhibitory);
        string bias = Parameter(graph, i => (float)m(i).IE);
        string p11E = Parameter(graph, i => (float)P(i).ExcitatoryDecay);
        string p11I = Parameter(graph, i => (float)P(i).InhibitoryDecay);

        string integrating = graph.Op("Equal", refractory, graph.Scalar(0));
        string integrated = IntegrationOf(_population) == ConductanceIntegration.ForwardEuler
            ? ForwardEuler(graph, v, synE, synI, gL, leak, eE, eI, bias, Parameter(graph, i => (float)P(i).StepOverCapacitance))
            : ExponentialEuler(graph, v, synE, synI, gL, leak, eE, eI, bias, Parameter(graph, i => -(float)P(i).StepOverCapacitance));
        var (held, counting) = Refractory(graph, integrating, integrated, v, refractory);
        string newSynE = graph.Add(graph.Mul(synE, p11E), inputExcitatory);
        string newSynI = graph.Add(graph.Mul(synI, p11I), inputInhibitory);
        var (newV, newRefractory, spikes) = Fire(graph, held, counting,
            Parameter(graph, i => (float)m(i).VThreshold),
            Parameter(graph, i => (float)m(i).VReset),
            IntParameter(graph, i => P(i).RefractorySteps));
        return ([newV, newSynE, newSynI, newRefractory], spikes);
    }

    /// <summary>The integration scheme every neuron of <paramref name="population"/> shares.</summary>
    /// <exception cref="NotSupportedException">Its neurons use different schemes.</exception>
    private static ConductanceIntegration IntegrationOf(Population<LifConductance> population)
    {
        var integration = population.ModelOf(0).Integration;
        for (int i = 1; i < population.Size; i++)
        {
            if (population.ModelOf(i).Integration != integration)
            {
                throw new NotSupportedException(
                    $"Population '{population.Name}': neuron {i} has Integration = {population.ModelOf(i).Integration} but neuron 0 has {integration}; the ONNX export needs one scheme per population.");
            }
        }
        return integration;
    }

    /// <summary>V∞ + (V − V∞) exp(−(h/C) g_tot), as <see cref="LifConductance.Step"/> computes it.</summary>
    private static string ExponentialEuler(GraphBuilder graph, string v, string synE, string synI, string gL, string leak, string eE, string eI, string bias, string minusDtOverC)
    {
        string total = graph.Add(graph.Add(gL, synE), synI);
        string drive = graph.Add(leak, graph.Mul(synE, eE));
        drive = graph.Add(drive, graph.Mul(synI, eI));
        drive = graph.Add(graph.Add(drive, bias), graph.Scalar(0f));
        string equilibrium = graph.Div(drive, total);
        string decay = ExpLowering.Exp(graph, graph.Mul(minusDtOverC, total));
        return graph.Add(equilibrium, graph.Mul(graph.Sub(v, equilibrium), decay));
    }

    /// <summary>V + (h/C)((((g_L E_L − g_L V) + g_e (E_e − V)) + g_i (E_i − V)) + I_e + 0), as
    /// <see cref="LifConductance.Step"/> computes it under forward Euler.</summary>
    private static string ForwardEuler(GraphBuilder graph, string v, string synE, string synI, string gL, string leak, string eE, string eI, string bias, string dtOverC)
    {
        string drive = graph.Sub(leak, graph.Mul(gL, v));
        drive = graph.Add(drive, graph.Mul(synE, graph.Sub(eE, v)));
        drive = graph.Add(drive, graph.Mul(synI, graph.Sub(eI, v)));
        drive = graph.Add(graph.Add(drive, bias), graph.Scalar(0f));
        return graph.Add(v, graph.Mul(dtOverC, drive));
    }
}
