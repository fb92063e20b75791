namespace Snn.Backends.Mpi;

/// <summary>Settings of the distributed CPU engine.</summary>
public sealed record MpiBackendOptions
{
    /// <summary>Consecutive neurons per stripe of the round-robin assignment to ranks (≥ 1); null
    /// picks 256, fewer for small networks. Results do not depend on it.</summary>
    public int? StripeSize { get; init; }

    /// <summary>Whether homogeneous populations use their model's vectorised block update
    /// (bit-identical to the scalar update). Default true.</summary>
    public bool UseBlockUpdate { get; init; } = true;
}
