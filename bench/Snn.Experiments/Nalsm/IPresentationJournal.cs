namespace Snn.Experiments.Nalsm;

/// <summary>Where <see cref="LiquidSimulator.Present"/> finds the chunks of a split that an earlier run
/// finished, and keeps every chunk it finishes, so that an interrupted run can resume
/// (<see cref="LiquidCheckpoint"/>).</summary>
public interface IPresentationJournal
{
    /// <summary>The saved responses of chunk <paramref name="chunk"/>, or null when it still has to run.</summary>
    /// <param name="chunk">Index of the chunk in its split (samples [chunk × ChunkSamples, …)).</param>
    LiquidChunk? Find(int chunk);

    /// <summary>Keeps the responses of a finished chunk. Called by one thread at a time.</summary>
    /// <param name="chunk">Index of the chunk in its split.</param>
    /// <param name="responses">What the chunk produced.</param>
    void Keep(int chunk, LiquidChunk responses);
}
