namespace Snn.Backends.Gpu;

/// <summary>The generated device code of one kernel of a compiled network.</summary>
/// <param name="Owner">What the kernel runs for: a population, a projection or "network".</param>
/// <param name="Kernel">The kernel method with its type arguments (for example
/// <c>UpdateNeurons&lt;LifCurrent&gt;</c>).</param>
/// <param name="Source">The PTX or OpenCL C text.</param>
public sealed record GpuKernelSource(string Owner, string Kernel, string Source);
