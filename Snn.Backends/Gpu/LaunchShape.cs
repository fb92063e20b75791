namespace Snn.Backends.Gpu;

/// <summary>How a grid-stride kernel splits its threads: <see cref="Lanes"/> consecutive threads
/// (a warp) share one spike and stride over its synapses; <see cref="Workers"/> such teams stride
/// over the spikes.</summary>
internal struct LaunchShape
{
    /// <summary>Threads per team (the warp size).</summary>
    public int Lanes;

    /// <summary>Number of teams.</summary>
    public int Workers;
}
