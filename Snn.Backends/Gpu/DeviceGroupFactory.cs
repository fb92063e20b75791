using Snn.Core;
using Snn.Core.Models;

namespace Snn.Backends.Gpu;

/// <summary>Builds the device group of each population, specialised for its model struct (which
/// must be unmanaged to live in device memory; the visitor only promises a struct).</summary>
internal sealed class DeviceGroupFactory : IPopulationVisitor<DeviceGroup>
{
    public DeviceGroup Visit<TModel>(Population<TModel> population) where TModel : struct, INeuronModel<TModel>
    {
        DeviceTypes.RequireUnmanaged<TModel>($"Population '{population.Name}' ({population.ModelName})", "neuron model");
        var type = typeof(DeviceModelGroup<>).MakeGenericType(typeof(TModel));
        return (DeviceGroup)Activator.CreateInstance(type, population)!;
    }

    public DeviceGroup Visit(SpikeSourcePopulation population) => new DeviceSpikeSourceGroup(population);
}
