using Snn.Core;
using Snn.Core.Plasticity;

namespace Snn.Backends.Gpu;

/// <summary>Builds the device object of each plastic projection, specialised for its rule.</summary>
internal sealed class DevicePlasticFactory : IPlasticityVisitor<DevicePlasticProjection>
{
    public DevicePlasticProjection Visit<TRule>(Projection projection, PlasticitySpec<TRule> spec) where TRule : struct, IPlasticityRule<TRule>
    {
        DeviceTypes.RequireUnmanaged<TRule>($"Projection {projection.Name} ({spec.Rule.RuleName})", "plasticity rule");
        return new DevicePlasticProjection<TRule>(projection, spec);
    }
}
