namespace Snn.Tests.Shared.Conformance;

/// <summary>The input kinds an engine runs, so that each scenario gives it the inputs it can take
/// (what it cannot run it must refuse at compile time; the conformance suite checks that).</summary>
[Flags]
public enum EngineInputs
{
    /// <summary>Replayed spike trains only.</summary>
    SpikeSources = 0,

    /// <summary>Poisson source populations.</summary>
    PoissonSources = 1,

    /// <summary>Poisson drives into neuron populations.</summary>
    Drives = 2,

    /// <summary>DC current injections.</summary>
    DcCurrents = 4,

    /// <summary>Step and noise current injections.</summary>
    TimeVaryingCurrents = 8,

    /// <summary>Everything above.</summary>
    All = PoissonSources | Drives | DcCurrents | TimeVaryingCurrents,
}
