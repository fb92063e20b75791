namespace Snn.Bench.Studies;

/// <summary>What a study is asked to do: the options of <c>snn-bench run</c> that apply to it.</summary>
/// <param name="Seed">Seed of every random draw.</param>
/// <param name="Size">The study's size knob (see its description); null for its default.</param>
/// <param name="DurationMs">Simulated time (ms) where the study has one; null for its default.</param>
/// <param name="Threads">Worker threads; null for the study's default.</param>
/// <param name="Quick">Smaller sweeps and networks: a first look in seconds (and what the tests run).</param>
/// <param name="Status">Receives a line whenever the study starts a new stage; null to ignore.</param>
/// <param name="DataDirectory">The folder of the data set a study reads (<c>--data</c>); null for its default place.</param>
/// <param name="Liquid">Liquid neurons of <c>nalsm-fmnist</c> (<c>--liquid</c>, 1000 or 8000); null for its default.</param>
/// <param name="Variant">Reservoir variant of <c>nalsm-fmnist</c> (<c>--variant</c>: nalsm, lsm-stdp, lsm); null for its default.</param>
/// <param name="Fraction">Receives the fraction of the study done, in [0, 1], where the study can tell; null to ignore.</param>
/// <param name="Features">Liquid feature file of <c>nalsm-fmnist</c> (<c>--features</c>): read when it exists, else written; null for none.</param>
/// <param name="Readout">Softmax readout of <c>nalsm-fmnist</c> (<c>--readout</c>: adam, paper); null for its default.</param>
/// <param name="Kernel">Synaptic kernel of <c>nalsm-fmnist</c> (<c>--kernel</c>: summed, last-spike); null for its default.</param>
public sealed record StudyContext(ulong Seed, int? Size = null, double? DurationMs = null, int? Threads = null, bool Quick = false, Action<string>? Status = null,
    string? DataDirectory = null, int? Liquid = null, string? Variant = null, Action<double>? Fraction = null,
    string? Features = null, string? Readout = null, string? Kernel = null)
{
    /// <summary>Reports a stage to <see cref="Status"/>.</summary>
    public void Report(string stage) => Status?.Invoke(stage);

    /// <summary>Reports the fraction of the study done (clamped to [0, 1]) to <see cref="Fraction"/>.</summary>
    public void ReportFraction(double done) => Fraction?.Invoke(Math.Clamp(done, 0, 1));
}
