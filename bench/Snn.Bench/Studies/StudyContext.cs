namespace Snn.Bench.Studies;

/// <summary>What a study is asked to do: the options of <c>snn-bench run</c> that apply to it.</summary>
/// <param name="Seed">Seed of every random draw.</param>
/// <param name="Size">The study's size knob (see its description); null for its default.</param>
/// <param name="DurationMs">Simulated time (ms) where the study has one; null for its default.</param>
/// <param name="Threads">Worker threads; null for the study's default.</param>
/// <param name="Quick">Smaller sweeps and networks: a first look in seconds (and what the tests run).</param>
/// <param name="Status">Receives a line whenever the study starts a new stage; null to ignore.</param>
/// <param name="DataDirectory">The folder of the data set a study reads (<c>--data</c>); null for its default place.</param>
/// <param name="Fraction">Receives the fraction of the study done, in [0, 1], where the study can tell; null to ignore.</param>
/// <param name="Nalsm">The options of <c>nalsm-fmnist</c>; null for their defaults.</param>
/// <param name="Backend">The engine (<c>--backend</c>) of a study that runs its networks on a chosen
/// one (<c>nalsm-fmnist</c>); null for the CPU engine.</param>
public sealed record StudyContext(ulong Seed, int? Size = null, double? DurationMs = null, int? Threads = null, bool Quick = false, Action<string>? Status = null,
    string? DataDirectory = null, Action<double>? Fraction = null, NalsmStudyOptions? Nalsm = null, string? Backend = null)
{
    /// <summary>The options of <c>nalsm-fmnist</c> (their defaults when none were given).</summary>
    public NalsmStudyOptions NalsmStudy => Nalsm ?? NalsmStudyOptions.None;

    /// <summary>Reports a stage to <see cref="Status"/>.</summary>
    public void Report(string stage) => Status?.Invoke(stage);

    /// <summary>Reports the fraction of the study done (clamped to [0, 1]) to <see cref="Fraction"/>.</summary>
    public void ReportFraction(double done) => Fraction?.Invoke(Math.Clamp(done, 0, 1));
}
