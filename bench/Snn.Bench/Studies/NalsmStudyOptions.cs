namespace Snn.Bench.Studies;

/// <summary>The options of the NALSM studies, the only studies with options of their own (the others
/// read the shared ones of <see cref="StudyContext"/>): all of them for <c>nalsm-fmnist</c>;
/// <see cref="Liquid"/> and <see cref="Kernel"/> also for <c>nalsm-liquid</c>, and <see cref="Kernel"/>
/// for <c>nalsm-branching</c>.</summary>
/// <param name="Liquid">Liquid neurons (<c>--liquid</c>, 1000 or 8000); null for 1000.</param>
/// <param name="Variant">Reservoir variant (<c>--variant</c>: nalsm, lsm-stdp, lsm); null for nalsm.</param>
/// <param name="Features">Liquid feature file (<c>--features</c>): read when it exists, else written; null for none.</param>
/// <param name="Readout">Softmax readout (<c>--readout</c>: adam, paper); null for adam.</param>
/// <param name="Kernel">Synaptic kernel (<c>--kernel</c>: last-spike, summed); null for last-spike.</param>
public sealed record NalsmStudyOptions(int? Liquid = null, string? Variant = null, string? Features = null, string? Readout = null, string? Kernel = null)
{
    /// <summary>The defaults (no option given).</summary>
    public static NalsmStudyOptions None { get; } = new();

    /// <summary>Whether any option was given.</summary>
    public bool AnyGiven => this != None;
}
