using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Snn.Backends.Gpu;

/// <summary>Creates the ILGPU context and accelerator that <see cref="GpuBackendOptions"/> asks for.
/// ILGPU.Algorithms is enabled so that <c>Math</c>/<c>MathF</c> calls in model code compile to device math.</summary>
internal static class AcceleratorFactory
{
    public static (Context Context, Accelerator Accelerator) Create(GpuBackendOptions options)
    {
        var cpu = options.CpuPreset == CpuEmulationPreset.Nvidia ? CPUDevice.Nvidia : CPUDevice.Default;
        var context = Context.Create(builder =>
        {
            builder.EnableAlgorithms().Optimize(OptimizationLevel.O1);
            switch (options.Accelerator)
            {
                case GpuAccelerator.Cuda:
                    builder.Cuda();
                    break;
                case GpuAccelerator.OpenCl:
                    builder.OpenCL();
                    break;
                case GpuAccelerator.Cpu:
                    builder.CPU(cpu);
                    break;
                default:
                    builder.Cuda().OpenCL().CPU(cpu);
                    break;
            }
        });
        try
        {
            return (context, CreateAccelerator(context, options));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private static Accelerator CreateAccelerator(Context context, GpuBackendOptions options)
    {
        var refused = new List<string>();
        var kinds = options.Accelerator switch
        {
            GpuAccelerator.Cuda => [AcceleratorType.Cuda],
            GpuAccelerator.OpenCl => [AcceleratorType.OpenCL],
            GpuAccelerator.Cpu => [AcceleratorType.CPU],
            _ => new[] { AcceleratorType.Cuda, AcceleratorType.OpenCL, AcceleratorType.CPU },
        };
        foreach (var kind in kinds)
        {
            var devices = context.Devices.Where(d => d.AcceleratorType == kind).ToArray();
            if (options.Accelerator != GpuAccelerator.Auto)
            {
                if (options.DeviceIndex >= devices.Length)
                {
                    break;
                }
                devices = [devices[options.DeviceIndex]];
            }
            foreach (var device in devices)
            {
                try
                {
                    return device.CreateAccelerator(context);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    refused.Add($"{kind} device '{device.Name}': {e.Message}");
                }
            }
        }
        string seen = context.Devices.Length == 0 ? "none" : string.Join(", ", context.Devices.Select(d => $"{d.AcceleratorType} '{d.Name}'"));
        string why = refused.Count == 0 ? "" : $" Refused: {string.Join("; ", refused)}.";
        throw new NotSupportedException(
            $"No usable {options.Accelerator} accelerator (DeviceIndex = {options.DeviceIndex}). Devices ILGPU found: {seen}.{why} " +
            "CUDA needs the NVIDIA driver; OpenCL needs a GPU driver with OpenCL 2.0 generic address spaces; GpuAccelerator.Cpu always works.");
    }
}
