using Snn.Backends.Cpu;
using Snn.Backends.Gpu;
using Snn.Core.Simulation;

namespace Snn.Bench.GpuCheck;

/// <summary>What a <c>gpu-check</c> step is given: the settings and the two engines it compares.</summary>
/// <param name="Settings">The check's settings.</param>
public sealed class GpuCheckContext(GpuCheckSettings settings)
{
    /// <summary>The check's settings.</summary>
    public GpuCheckSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>Whether this is a dry run (tiny sizes on ILGPU's CPU accelerator).</summary>
    public bool DryRun => Settings.DryRun;

    /// <summary>Threads of the CPU engine: <see cref="GpuCheckSettings.CpuThreads"/>, else one per logical core.</summary>
    public int CpuThreads => Settings.CpuThreads ?? Environment.ProcessorCount;

    /// <summary>The GPU engine on the chosen accelerator.</summary>
    public GpuBackend Gpu() => new(new GpuBackendOptions { Accelerator = Settings.Accelerator });

    /// <summary>The CPU engine with <see cref="CpuThreads"/> threads.</summary>
    public IBackend Cpu() => new CpuBackend(new CpuBackendOptions { Threads = CpuThreads });

    /// <summary><paramref name="full"/> in a real run, <paramref name="dry"/> in a dry run.</summary>
    public T Pick<T>(T full, T dry) => DryRun ? dry : full;
}
