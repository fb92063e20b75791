using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Snn.Bench.Running;

/// <summary>
/// The accelerators ILGPU finds on this machine, in the order in which <c>GpuAccelerator.Auto</c>
/// tries them (CUDA, then OpenCL, then the CPU accelerator). The GPU engine does not report the
/// accelerator a simulation runs on, so <c>snn-bench</c> prints this list beside a <c>gpu</c> run.
/// </summary>
public static class IlgpuDevices
{
    /// <summary>Each device as "kind 'name'", best first; empty when ILGPU finds none.</summary>
    public static IReadOnlyList<string> InAutoOrder()
    {
        using var context = Context.Create(builder => builder.Cuda().OpenCL().CPU(CPUDevice.Default));
        AcceleratorType[] order = [AcceleratorType.Cuda, AcceleratorType.OpenCL, AcceleratorType.CPU];
        return order.SelectMany(kind => context.Devices.Where(d => d.AcceleratorType == kind).Select(d => $"{kind} '{d.Name}'")).ToArray();
    }
}
