namespace Snn.Bench.Studies;

/// <summary>What a study is asked to do: the options of <c>snn-bench run</c> that apply to it.</summary>
/// <param name="Seed">Seed of every random draw.</param>
/// <param name="Size">The study's size knob (see its description); null for its default.</param>
/// <param name="DurationMs">Simulated time (ms) where the study has one; null for its default.</param>
/// <param name="Threads">Worker threads; null for the study's default.</param>
/// <param name="Quick">Smaller sweeps and networks: a first look in seconds (and what the tests run).</param>
/// <param name="Status">Receives a line whenever the study starts a new stage; null to ignore.</param>
/// <param name="DataDirectory">The folder of the data set a study reads (<c>--data</c>); null for its default place.</param>
public sealed record StudyContext(ulong Seed, int? Size = null, double? DurationMs = null, int? Threads = null, bool Quick = false, Action<string>? Status = null,
    string? DataDirectory = null)
{
    /// <summary>Reports a stage to <see cref="Status"/>.</summary>
    public void Report(string stage) => Status?.Invoke(stage);
}
