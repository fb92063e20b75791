using Snn.Backends.Cpu;
using Snn.Core.Monitors;

namespace Snn.Backends.Engine;

/// <summary>A state monitor's samples as an engine keeps them; the core's step loop fills them.</summary>
internal interface IStateRecorder
{
    /// <summary>The monitor recorded.</summary>
    StateMonitor Monitor { get; }

    /// <summary>The samples so far, one row per sample time (the engine's column layout).</summary>
    List<float[]> Rows { get; }

    /// <summary>Allocates the rows of the samples due up to and including <paramref name="lastStep"/>.</summary>
    void PrepareUntil(long lastStep);

    /// <summary>Samples partition <paramref name="part"/>'s neurons at the end of <paramref name="step"/> when a
    /// sample is due.</summary>
    void Sample(int part, long step, NeuronStateArrays state);
}
