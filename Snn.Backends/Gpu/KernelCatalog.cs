using System.Reflection;
using Snn.Core;
using Snn.Core.Models;
using Snn.Core.Plasticity;

namespace Snn.Backends.Gpu;

/// <summary>The kernels a network needs, each with what it runs for, as closed generic methods
/// (for <see cref="GpuBackend.GenerateKernelSource"/>).</summary>
internal sealed class KernelCatalog : IPopulationVisitor<MethodInfo>, IPlasticityVisitor<MethodInfo[]>
{
    public static IEnumerable<(string Owner, MethodInfo Method)> Of(Network network)
    {
        var catalog = new KernelCatalog();
        foreach (var population in network.Populations)
        {
            yield return ($"Population '{population.Name}' ({population.ModelName})", population.Accept(catalog));
        }
        foreach (var projection in network.Projections)
        {
            if (projection.Plasticity is { } spec)
            {
                foreach (var method in spec.Accept(catalog, projection))
                {
                    yield return ($"Projection {projection.Name} ({spec.Rule.RuleName})", method);
                }
            }
        }
        yield return ("Static delivery", Method(typeof(DeliveryKernels), nameof(DeliveryKernels.DeliverStatic)));
        if (network.Projections.Any(p => p.ShortTerm is not null))
        {
            yield return ("Short-term plasticity", Method(typeof(ShortTermKernels), nameof(ShortTermKernels.Emit)));
            yield return ("Short-term plasticity", Method(typeof(ShortTermKernels), nameof(ShortTermKernels.Deliver)));
        }
        yield return ("Current injections", Method(typeof(InputKernels), nameof(InputKernels.ZeroCurrent)));
        yield return ("Current injections", Method(typeof(InputKernels), nameof(InputKernels.AddCurrent)));
        yield return ("Poisson drives", Method(typeof(InputKernels), nameof(InputKernels.Drive)));
        yield return ("Modulators", Method(typeof(StepKernels), nameof(StepKernels.AdvanceModulators)));
        yield return ("State monitors", Method(typeof(StepKernels), nameof(StepKernels.Sample)));
    }

    /// <summary>"Name&lt;TypeArguments&gt;".</summary>
    public static string Describe(MethodInfo method)
        => method.IsGenericMethod ? $"{method.Name}<{string.Join(", ", method.GetGenericArguments().Select(t => t.Name))}>" : method.Name;

    public MethodInfo Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>
    {
        DeviceTypes.RequireUnmanaged<TModel>($"Population '{population.Name}' ({population.ModelName})", "neuron model");
        return Method(typeof(NeuronKernels), nameof(NeuronKernels.UpdateNeurons)).MakeGenericMethod(typeof(TModel));
    }

    public MethodInfo Visit(SpikeSourcePopulation population) => Method(typeof(NeuronKernels), nameof(NeuronKernels.ReplaySpikeTimes));

    public MethodInfo[] Visit<TRule>(Projection projection, PlasticitySpec<TRule> spec) where TRule : struct, IPlasticityRule<TRule>
    {
        DeviceTypes.RequireUnmanaged<TRule>($"Projection {projection.Name} ({spec.Rule.RuleName})", "plasticity rule");
        var names = spec.Rule.PeriodMs > 0
            ? new[] { nameof(PlasticityKernels.Arrivals), nameof(PlasticityKernels.PostSpikes), nameof(PlasticityKernels.Periodic) }
            : [nameof(PlasticityKernels.Arrivals), nameof(PlasticityKernels.PostSpikes)];
        return names.Select(name => Method(typeof(PlasticityKernels), name).MakeGenericMethod(typeof(TRule))).ToArray();
    }

    private static MethodInfo Method(Type type, string name)
        => type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(type.Name, name);
}
