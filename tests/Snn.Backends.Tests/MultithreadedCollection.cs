namespace Snn.Backends.Tests;

/// <summary>
/// Tests that run simulations on several threads. The engine's threads meet at a spin barrier every
/// step, which is fast on idle cores but slow when other tests compete for the same (two) CI cores,
/// so these tests run on their own, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultithreadedCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "multithreaded simulations";
}
