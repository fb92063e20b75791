using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using Snn.Core;
using Snn.Core.Simulation;

namespace Snn.Backends.Gpu;

/// <summary>
/// The GPU engine on ILGPU: runs a Snn network on CUDA, OpenCL or ILGPU's CPU accelerator. Neuron
/// models and plasticity rules are not rewritten for the device: ILGPU compiles the same
/// <c>INeuronModel</c> and <c>IPlasticityRule</c> structs into generic kernels. The step order,
/// delay rings and counter-based random numbers are the CPU engine's, so the same seed gives the
/// same spikes as <c>CpuBackend</c> wherever the floating-point sums into a neuron do not depend on
/// the order of atomic adds (for example weights that are multiples of a power of two, or one
/// input per neuron and step), and on the CPU accelerator for the rest of the arithmetic. A
/// compiler failure on a model or rule is a <see cref="NotSupportedException"/> naming the
/// population or projection; a network that does not fit device memory is a
/// <see cref="GpuMemoryException"/> with the sizes.
/// </summary>
/// <param name="options">Engine settings; null for defaults (best available accelerator).</param>
public sealed class GpuBackend(GpuBackendOptions? options = null) : IBackend
{
    /// <summary>The engine settings.</summary>
    public GpuBackendOptions Options { get; } = options ?? new GpuBackendOptions();

    /// <inheritdoc />
    public string Name => "gpu";

    /// <inheritdoc />
    public SimulationCapabilities Capabilities => SimulationCapabilities.Checkpoints | SimulationCapabilities.Modulators | SimulationCapabilities.WeightReading
        | SimulationCapabilities.WeightWriting | SimulationCapabilities.WeightMonitors | SimulationCapabilities.SpikeDiscarding;

    /// <inheritdoc />
    public ISimulation Compile(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckOptions(Options);
        network.Seal();
        return new GpuSimulation(network, Options);
    }

    /// <summary>
    /// Generates the device code of every kernel <paramref name="network"/> needs, without a GPU:
    /// a way to check on any machine that its models and rules compile for CUDA or OpenCL (the CPU
    /// accelerator runs the .NET code of a kernel as it is, so it does not prove that).
    /// </summary>
    /// <param name="network">The network (sealed by this call, as by <see cref="Compile"/>).</param>
    /// <param name="language">PTX for CUDA or OpenCL C.</param>
    /// <returns>One entry per kernel.</returns>
    /// <exception cref="NotSupportedException">ILGPU cannot compile a population's model or a
    /// projection's rule; the message names it and gives ILGPU's reason.</exception>
    public static IReadOnlyList<GpuKernelSource> GenerateKernelSource(Network network, GpuKernelLanguage language)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!Enum.IsDefined(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, $"language = {language} must be Ptx or OpenClC.");
        }
        network.Seal();
        using var context = Context.Create(builder => builder.EnableAlgorithms().Optimize(OptimizationLevel.O1));
        using Backend backend = language == GpuKernelLanguage.Ptx
            ? new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_70), CudaArchitecture.SM_70, CudaInstructionSet.ISA_70, null)
            : new CLBackend(context, new CLCapabilityContext(true, true, true, true, true), CLDeviceVendor.Nvidia, CLCVersion.CL20);
        var sources = new List<GpuKernelSource>();
        foreach (var (owner, method) in KernelCatalog.Of(network))
        {
            string name = KernelCatalog.Describe(method);
            try
            {
                var entry = EntryPointDescription.FromImplicitlyGroupedKernel(method);
                var specialization = KernelSpecialization.Empty;
                var kernel = backend.Compile(entry, specialization);
                string text = kernel switch
                {
                    PTXCompiledKernel ptx => ptx.PTXAssembly,
                    CLCompiledKernel cl => cl.Source,
                    _ => kernel.ToString() ?? "",
                };
                sources.Add(new GpuKernelSource(owner, name, text));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new NotSupportedException($"{owner}: ILGPU cannot compile {name} to {language}: {e.Message}", e);
            }
        }
        return sources;
    }

    /// <summary>The device a simulation compiled by a <see cref="GpuBackend"/> runs on and the device
    /// memory its buffers take (the engine picks the device at compile time; with
    /// <see cref="GpuAccelerator.Auto"/> this says which one it took).</summary>
    /// <param name="simulation">A simulation returned by <see cref="Compile"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="simulation"/> does not come from a <see cref="GpuBackend"/>.</exception>
    public static GpuDeviceUsage DeviceUsage(ISimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return simulation is GpuSimulation gpu
            ? gpu.Usage
            : throw new ArgumentException($"simulation is a {simulation.GetType().Name}, not a simulation compiled by GpuBackend.", nameof(simulation));
    }

    private static void CheckOptions(GpuBackendOptions options)
    {
        if (!Enum.IsDefined(options.Accelerator))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Accelerator, $"Accelerator = {options.Accelerator} must be Auto, Cuda, OpenCl or Cpu.");
        }
        if (!Enum.IsDefined(options.CpuPreset))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CpuPreset, $"CpuPreset = {options.CpuPreset} must be Default or Nvidia.");
        }
        if (options.DeviceIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DeviceIndex, $"DeviceIndex = {options.DeviceIndex} must be >= 0.");
        }
        if (options.DeviceMemoryLimitBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DeviceMemoryLimitBytes, $"DeviceMemoryLimitBytes = {options.DeviceMemoryLimitBytes} must be positive (or null for the device's memory).");
        }
        if (options.MonitorBatchSteps is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MonitorBatchSteps, $"MonitorBatchSteps = {options.MonitorBatchSteps} must be in [1, 100000].");
        }
    }
}
