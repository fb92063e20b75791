namespace Snn.Backends.Cpu;

/// <summary>Settings of the CPU engine.</summary>
public sealed record CpuBackendOptions
{
    /// <summary>Worker threads; null picks one per core, fewer for small networks. Results do not
    /// depend on this number.</summary>
    public int? Threads { get; init; }

    /// <summary>Whether homogeneous populations use their model's vectorised block update
    /// (bit-identical to the scalar update). Default true.</summary>
    public bool UseBlockUpdate { get; init; } = true;
}
