using Snn.Core.Models;

namespace Snn.Core.Interop.Nir;

/// <summary>The work of <see cref="NirExporter.ToGraph"/>: one export per population, nodes per
/// projection, then the neuron nodes (with any bias that found no Affine folded into v_leak) and
/// the outputs.</summary>
internal sealed class NirGraphBuilder(Network network, NirExportOptions options) : IPopulationVisitor<NirPopulationExport>
{
    private readonly double _unit = options.TimeUnitMs;
    private readonly HashSet<string> _names = [];
    private readonly List<KeyValuePair<string, NirNode>> _linkNodes = [];
    private readonly List<NirEdge> _edges = [];
    private readonly Dictionary<Population, NirPopulationExport> _exports = [];
    private readonly HashSet<Population> _biasPlaced = [];

    public NirGraph Build()
    {
        CheckNetworkLevel();
        foreach (var population in network.Populations)
        {
            if (population.Name.Contains('/') || population.Name.Contains('.'))
            {
                throw new NotSupportedException($"Population '{population.Name}': NIR node names cannot contain '/' or '.' (HDF5 paths and nested-graph names use them); rename it.");
            }
            _names.Add(population.Name);
        }
        foreach (var population in network.Populations)
        {
            _exports[population] = population.Accept(this);
        }
        foreach (var projection in network.Projections)
        {
            Export(projection);
        }
        var nodes = new List<KeyValuePair<string, NirNode>>();
        foreach (var population in network.Populations)
        {
            nodes.AddRange(PopulationNodes(population));
        }
        nodes.AddRange(_linkNodes);
        AddOutputs(nodes);
        return new NirGraph(nodes, _edges);
    }

    public NirPopulationExport Visit(SpikeSourcePopulation population) => new()
    {
        Type = NirPrimitives.Input,
        Parameters = [],
        Exit = population.Name,
        WeightScale = [],
    };

    public NirPopulationExport Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>
    {
        if (population is Population<LifCurrent> lif)
        {
            return FromLifCurrent(lif);
        }
        if (population is Population<NirNeuron> nir)
        {
            return FromNirNeuron(nir);
        }
        throw new NotSupportedException($"Population '{population.Name}' ({population.ModelName}) cannot be expressed in NIR: NIR has LIF, CubaLIF, IF, LI, CubaLI and I neurons, which Snn writes from LifCurrent and NirNeuron populations.");
    }

    private void CheckNetworkLevel()
    {
        if (network.Injections.Count > 0)
        {
            throw new NotSupportedException($"The current injection into population '{network.Injections[0].Target.Name}' cannot be expressed in NIR (a graph has no time-dependent inputs besides Input nodes).");
        }
        if (network.PoissonDrives.Count > 0)
        {
            throw new NotSupportedException($"The Poisson drive of population '{network.PoissonDrives[0].Target.Name}' cannot be expressed in NIR (NIR graphs are deterministic).");
        }
        if (network.Modulators.Count > 0)
        {
            throw new NotSupportedException($"The neuromodulator '{network.Modulators[0].Name}' cannot be expressed in NIR.");
        }
        if (network.Projections.FirstOrDefault(p => p.ShortTerm is not null) is { } projection)
        {
            throw new NotSupportedException($"Projection {projection.Name} has short-term plasticity ({projection.ShortTerm}); NIR has no short-term plasticity primitive, so export the network without it.");
        }
    }

    private NirPopulationExport FromLifCurrent(Population<LifCurrent> population)
    {
        int n = population.Size;
        var p = NewParameters(n, "tau_mem", "tau_syn", "r", "v_leak", "v_threshold", "v_reset", "w_in");
        var scale = new double[n];
        bool receptorsDiffer = false;
        for (int i = 0; i < n; i++)
        {
            var m = population.ModelOf(i);
            if (Math.Round(m.RefractoryPeriod / network.Dt) > 0)
            {
                throw new NotSupportedException($"Population '{population.Name}' (lif-current) has RefractoryPeriod = {m.RefractoryPeriod} ms; NIR neurons have no refractory period (set it below dt / 2 to export).");
            }
            double r = m.TauM / m.CM;
            p["tau_mem"][i] = m.TauM / _unit;
            p["tau_syn"][i] = m.TauSynE / _unit;
            p["r"][i] = r;
            p["v_leak"][i] = m.EL + r * m.IE;
            p["v_threshold"][i] = m.VThreshold;
            p["v_reset"][i] = m.VReset;
            p["w_in"][i] = 1;
            scale[i] = m.TauSynE / _unit;
            receptorsDiffer |= m.TauSynI != m.TauSynE;
        }
        return new NirPopulationExport
        {
            Type = NirPrimitives.CubaLIF,
            Parameters = p,
            Exit = population.Name,
            WeightScale = scale,
            ReceptorsDiffer = receptorsDiffer,
        };
    }

    private NirPopulationExport FromNirNeuron(Population<NirNeuron> population)
    {
        int n = population.Size;
        var first = population.ModelOf(0);
        bool synaptic = first.TauSyn > 0;
        bool spiking = !double.IsPositiveInfinity(first.VThreshold);
        for (int i = 1; i < n; i++)
        {
            var m = population.ModelOf(i);
            if (m.Leak != first.Leak || m.TauSyn > 0 != synaptic || m.Reset != first.Reset || double.IsPositiveInfinity(m.VThreshold) == spiking)
            {
                throw new NotSupportedException($"Population '{population.Name}' mixes NIR neuron types (neuron {i} differs from neuron 0 in Leak, TauSyn > 0, Reset or a finite threshold); one NIR node has one type.");
            }
        }
        if (!first.Leak && synaptic)
        {
            throw new NotSupportedException($"Population '{population.Name}' is a non-leaky neuron with a synaptic current, which no NIR primitive describes.");
        }
        bool fused = spiking && !first.Reset;
        bool nodeSpikes = spiking && first.Reset;
        string type = (first.Leak, synaptic, nodeSpikes) switch
        {
            (true, true, true) => NirPrimitives.CubaLIF,
            (true, true, false) => NirPrimitives.CubaLI,
            (true, false, true) => NirPrimitives.LIF,
            (true, false, false) => NirPrimitives.LI,
            (false, _, true) => NirPrimitives.IF,
            _ => NirPrimitives.I,
        };
        string[] names = type switch
        {
            NirPrimitives.CubaLIF => ["tau_mem", "tau_syn", "r", "v_leak", "v_threshold", "v_reset", "w_in"],
            NirPrimitives.CubaLI => ["tau_mem", "tau_syn", "r", "v_leak", "w_in"],
            NirPrimitives.LIF => ["tau", "r", "v_leak", "v_threshold", "v_reset"],
            NirPrimitives.LI => ["tau", "r", "v_leak"],
            NirPrimitives.IF => ["r", "v_threshold", "v_reset"],
            _ => ["r"],
        };
        var p = NewParameters(n, names);
        var scale = new double[n];
        var bias = new double[n];
        var threshold = fused ? new double[n] : null;
        for (int i = 0; i < n; i++)
        {
            var m = population.ModelOf(i);
            Set(p, "tau", i, m.TauMem / _unit);
            Set(p, "tau_mem", i, m.TauMem / _unit);
            Set(p, "tau_syn", i, m.TauSyn / _unit);
            Set(p, "r", i, m.Leak ? m.R : m.R * _unit / m.TauMem);
            Set(p, "v_leak", i, m.VLeak);
            Set(p, "v_threshold", i, m.VThreshold);
            Set(p, "v_reset", i, m.VReset);
            Set(p, "w_in", i, m.WIn);
            scale[i] = m.SpikeIntegralMs / _unit;
            bias[i] = m.Bias;
            if (threshold is not null)
            {
                threshold[i] = m.VThreshold;
            }
        }
        string? thresholdNode = fused ? Unique(population.Name + "_threshold") : null;
        return new NirPopulationExport
        {
            Type = type,
            Parameters = p,
            Exit = thresholdNode ?? population.Name,
            ThresholdNode = thresholdNode,
            Threshold = threshold,
            WeightScale = scale,
            Bias = bias.Any(b => b != 0) ? bias : null,
            Spiking = spiking,
        };
    }

    private static Dictionary<string, double[]> NewParameters(int n, params string[] names)
        => names.ToDictionary(name => name, _ => new double[n]);

    private static void Set(Dictionary<string, double[]> parameters, string name, int i, double value)
    {
        if (parameters.TryGetValue(name, out var values))
        {
            values[i] = value;
        }
    }

    private void Export(Projection projection)
    {
        if (projection.Plasticity is not null)
        {
            throw new NotSupportedException($"Projection {projection.Name} has the plasticity rule {projection.Plasticity.Rule.RuleName}; NIR graphs are static, so export a network without active plasticity.");
        }
        var source = _exports[projection.Source];
        var target = _exports[projection.Target];
        if (!source.Spiking)
        {
            throw new NotSupportedException($"Projection {projection.Name} leaves the non-spiking population '{projection.Source.Name}'; in NIR its membrane would drive the target continuously.");
        }
        if (target.ReceptorsDiffer && projection.Receptor == Receptor.Inhibitory)
        {
            throw new NotSupportedException($"Projection {projection.Name} feeds the inhibitory receptor of '{projection.Target.Name}', whose TauSynI differs from TauSynE; a NIR CubaLIF has one synaptic current.");
        }
        var table = projection.Instantiate();
        var delays = table.DelaySteps.Distinct().Order().ToArray();
        int rows = projection.Target.Size;
        int columns = projection.Source.Size;
        string name = Unique($"{projection.Source.Name}_to_{projection.Target.Name}");
        foreach (ushort delay in delays)
        {
            var weight = new double[rows * columns];
            for (int s = 0; s < table.Count; s++)
            {
                if (table.DelaySteps[s] == delay)
                {
                    int t = table.Targets[s];
                    weight[t * columns + table.Sources[s]] += table.Weights[s] * target.WeightScale[t];
                }
            }
            string linearName = delays.Length == 1 ? name : Unique($"{name}_d{delay}");
            var attributes = new Dictionary<string, NirTensor> { ["weight"] = NirTensor.Matrix(rows, columns, weight) };
            string type = NirPrimitives.Linear;
            if (target.Bias is not null && _biasPlaced.Add(projection.Target))
            {
                type = NirPrimitives.Affine;
                attributes["bias"] = NirTensor.Vector(target.Bias);
            }
            string from = source.Exit;
            if (delay > 1)
            {
                string delayName = Unique($"{linearName}_delay");
                var delayValues = Enumerable.Repeat((delay - 1) * network.Dt / _unit, columns).ToArray();
                _linkNodes.Add(new(delayName, new NirNode(NirPrimitives.Delay, new Dictionary<string, NirTensor> { ["delay"] = NirTensor.Vector(delayValues) })));
                _edges.Add(new NirEdge(from, delayName));
                from = delayName;
            }
            _linkNodes.Add(new(linearName, new NirNode(type, attributes)));
            _edges.Add(new NirEdge(from, linearName));
            _edges.Add(new NirEdge(linearName, projection.Target.Name));
        }
    }

    private IEnumerable<KeyValuePair<string, NirNode>> PopulationNodes(Population population)
    {
        var export = _exports[population];
        if (export.IsInput)
        {
            yield return new(population.Name, new NirNode(NirPrimitives.Input, new Dictionary<string, NirTensor> { ["shape"] = NirTensor.Integers(population.Size) }));
            yield break;
        }
        if (export.Bias is not null && !_biasPlaced.Contains(population))
        {
            if (!export.Parameters.TryGetValue("v_leak", out var vLeak) || export.Type is NirPrimitives.CubaLIF or NirPrimitives.CubaLI)
            {
                throw new NotSupportedException($"Population '{population.Name}' has a Bias but no incoming projection to carry it as an Affine bias, and a {export.Type} cannot absorb it into v_leak.");
            }
            var r = export.Parameters["r"];
            for (int i = 0; i < vLeak.Length; i++)
            {
                vLeak[i] += r[i] * export.Bias[i];
            }
        }
        var attributes = export.Parameters.ToDictionary(p => p.Key, p => NirTensor.Vector(p.Value));
        yield return new(population.Name, new NirNode(export.Type, attributes));
        if (export.ThresholdNode is not null)
        {
            yield return new(export.ThresholdNode, new NirNode(NirPrimitives.Threshold, new Dictionary<string, NirTensor> { ["threshold"] = NirTensor.Vector(export.Threshold!) }));
            _edges.Add(new NirEdge(population.Name, export.ThresholdNode));
        }
    }

    private void AddOutputs(List<KeyValuePair<string, NirNode>> nodes)
    {
        IReadOnlyList<Population> outputs;
        if (options.Outputs is not null)
        {
            foreach (var population in options.Outputs)
            {
                if (population is null || !network.Populations.Contains(population))
                {
                    throw new ArgumentException($"options.Outputs lists population '{population?.Name}', which is not in this network.", "options");
                }
            }
            outputs = options.Outputs;
        }
        else
        {
            var neurons = network.Populations.Where(p => !_exports[p].IsInput).ToList();
            var sinks = neurons.Where(p => !network.Projections.Any(j => j.Source == p)).ToList();
            outputs = sinks.Count > 0 ? sinks : neurons;
        }
        foreach (var population in outputs)
        {
            string name = Unique(outputs.Count == 1 ? "output" : $"{population.Name}_output");
            nodes.Add(new(name, new NirNode(NirPrimitives.Output, new Dictionary<string, NirTensor> { ["shape"] = NirTensor.Integers(population.Size) })));
            _edges.Add(new NirEdge(_exports[population].Exit, name));
        }
    }

    private string Unique(string name)
    {
        if (_names.Add(name))
        {
            return name;
        }
        for (int k = 2; ; k++)
        {
            string candidate = $"{name}_{k}";
            if (_names.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
