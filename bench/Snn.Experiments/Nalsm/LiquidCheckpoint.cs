using System.Globalization;
using Snn.Core.IO;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// The progress of a feature simulation (<see cref="NalsmExperiment.Simulate"/>) on disk, so that a run
/// that was stopped or killed resumes where it was: W_INI right after the initialisation, then every
/// finished chunk of presentations. The file is created with its header through
/// <see cref="AtomicFile"/> and then only appended to, one record at a time, each flushed to the disk;
/// a record's hash guards its content. Little-endian layout:
/// <code>
/// header: magic "SNNLIQP1" (8 bytes) · int32 version (1) · int32 n · n bytes UTF-8 protocol (<see cref="NalsmProtocol.Key"/>) · uint64 hash
/// records: int32 kind · int32 L (payload bytes) · L bytes payload · uint64 hash (of kind, L and payload)
///   kind 1, W_INI: float64 initialisation (s) · 3 groups (excitatory, inhibitory, input), each int32 count · count × float32 weights
///   kind 2, chunk: int32 split (0 train, 1 validation, 2 test) · int32 chunk · int32 samples · int32 neurons
///                  · samples × neurons uint16 counts · int64 liquid spikes · float64 branching sum
///                  · int64 branching presentations · int64 branching spikes · float64 feature time (s) so far
/// </code>
/// where every hash is the 64-bit FNV-1a of the bytes it follows. A last record cut short (the
/// process died while writing it) is dropped when the file is opened, and the file is cut back to the
/// records before it; a record running past the end of the file whose length is not that of the
/// record it names (W_INI, or the chunk its split and chunk fields name once they were written) is
/// damage, not a tear. Any other damage, and a protocol that is not a JSON object, is an
/// <see cref="InvalidDataException"/> naming its byte offset. The feature time of a chunk record counts the feature phase of every earlier session up to
/// its last saved chunk plus the current session's, so the finished run's
/// <see cref="LiquidMeasurements.FeatureSeconds"/> adds up the sessions (time spent on chunks that
/// were lost is not counted); <see cref="LiquidMeasurements.InitializationSeconds"/> is that of the
/// session that finished the initialisation (an interrupted initialisation starts over).
/// </summary>
public sealed class LiquidCheckpoint : IDisposable
{
    private readonly FileStream _stream;
    private readonly Dictionary<int, LiquidChunk>[] _chunks;
    private readonly int[] _samples;
    private readonly int _chunkSamples;
    private readonly int _neurons;

    private LiquidCheckpoint(string path, string protocol, NalsmOptions options, FileStream stream, LiquidCheckpointReader? saved, bool droppedTornRecord)
    {
        FilePath = path;
        Protocol = protocol;
        _stream = stream;
        _samples = [options.TrainCount, options.ValidationCount, options.TestCount];
        _chunkSamples = options.ChunkSamples;
        _neurons = options.Liquid.LiquidCount;
        _chunks = saved?.Chunks ?? [[], [], []];
        InitialWeights = saved?.InitialWeights;
        InitializationSeconds = saved?.InitializationSeconds ?? 0;
        FeatureSecondsBefore = saved?.FeatureSeconds ?? 0;
        DroppedTornRecord = droppedTornRecord;
    }

    /// <summary>The checkpoint's file.</summary>
    public string FilePath { get; }

    /// <summary>The protocol the checkpoint belongs to (<see cref="NalsmProtocol.Key"/>).</summary>
    public string Protocol { get; }

    /// <summary>The saved W_INI (excitatory, inhibitory and input weights), null when the initialisation has not finished.</summary>
    public IReadOnlyList<float[]>? InitialWeights { get; private set; }

    /// <summary>Wall-clock time of the initialisation that produced <see cref="InitialWeights"/> (s).</summary>
    public double InitializationSeconds { get; private set; }

    /// <summary>Feature time of the earlier sessions up to their last saved chunk (s); 0 when none was saved.</summary>
    public double FeatureSecondsBefore { get; }

    /// <summary>Whether opening dropped a last record that was cut short.</summary>
    public bool DroppedTornRecord { get; }

    /// <summary>Opens the checkpoint at <paramref name="path"/>, or creates it (holding only its header) when there is none.</summary>
    /// <param name="path">The checkpoint file (its folder must exist).</param>
    /// <param name="options">The protocol (validated).</param>
    /// <param name="topology">The liquid built from <see cref="NalsmOptions.Liquid"/> (gives the weight counts).</param>
    /// <exception cref="InvalidOperationException">The file belongs to another protocol; the message names the settings that differ.</exception>
    /// <exception cref="InvalidDataException">The file is damaged; the message names the byte offset.</exception>
    public static LiquidCheckpoint Open(string path, NalsmOptions options, LiquidTopology topology)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(topology);
        options.Validate();
        string protocol = NalsmProtocol.Key(options);
        if (!File.Exists(path))
        {
            AtomicFile.Write(path, file => file.Write(LiquidCheckpointRecords.Header(protocol)));
            return new LiquidCheckpoint(path, protocol, options, Append(path, length: null), null, droppedTornRecord: false);
        }
        var data = File.ReadAllBytes(path);
        var reader = new LiquidCheckpointReader(data, path);
        string saved = reader.ReadHeader();
        if (saved != protocol)
        {
            throw new InvalidOperationException($"The partial features '{path}' were simulated with another protocol ({NalsmProtocol.Difference(saved, protocol)}); "
                + "run with the settings it was started with, or delete it to start over.");
        }
        reader.ReadRecords([options.TrainCount, options.ValidationCount, options.TestCount], options.ChunkSamples, options.Liquid.LiquidCount,
            [topology.Excitatory.Count, topology.Inhibitory.Count, topology.Input.Count]);
        bool torn = reader.ValidLength < data.Length;
        return new LiquidCheckpoint(path, protocol, options, Append(path, reader.ValidLength), reader, torn);
    }

    /// <summary>The protocol key in the header of the checkpoint at <paramref name="path"/> (its records are not read).</summary>
    /// <exception cref="InvalidDataException">The header is damaged; the message names the byte offset.</exception>
    public static string ReadProtocol(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new LiquidCheckpointReader(File.ReadAllBytes(path), path).ReadHeader();
    }

    /// <summary>Number of chunks of <paramref name="split"/>.</summary>
    public int Chunks(LiquidSplit split) => (_samples[(int)split] + _chunkSamples - 1) / _chunkSamples;

    /// <summary>Number of saved chunks of <paramref name="split"/>.</summary>
    public int SavedChunks(LiquidSplit split) => _chunks[(int)split].Count;

    /// <summary>Number of samples in the saved chunks of <paramref name="split"/>.</summary>
    public int SavedSamples(LiquidSplit split) => _chunks[(int)split].Values.Sum(c => c.Counts.Length);

    /// <summary>What is saved, in one line: W_INI and the chunks and samples of each split.</summary>
    public string Summary()
    {
        var splits = Enum.GetValues<LiquidSplit>().Select(split => string.Create(CultureInfo.InvariantCulture,
            $"{split.ToString().ToLowerInvariant()} {SavedSamples(split)}/{_samples[(int)split]} samples ({SavedChunks(split)}/{Chunks(split)} chunks)"));
        string weights = InitialWeights is null
            ? "W_INI not saved (the initialisation runs again)"
            : string.Create(CultureInfo.InvariantCulture, $"W_INI saved (initialisation {InitializationSeconds:F1} s)");
        string torn = DroppedTornRecord ? "; a last record cut short by a crash was dropped" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{weights}; {string.Join(", ", splits)}; features {FeatureSecondsBefore:F1} s so far{torn}");
    }

    /// <summary>Saves W_INI.</summary>
    /// <param name="weights">Excitatory, inhibitory and input weights.</param>
    /// <param name="seconds">Wall-clock time of the initialisation (s).</param>
    /// <exception cref="InvalidOperationException">W_INI is already saved.</exception>
    public void SaveInitialWeights(IReadOnlyList<float[]> weights, double seconds)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (InitialWeights is not null)
        {
            throw new InvalidOperationException($"The checkpoint '{FilePath}' already holds W_INI.");
        }
        var copy = weights.Select(w => (float[])w.Clone()).ToArray();
        Write(LiquidCheckpointRecords.InitialWeights(copy, seconds));
        InitialWeights = copy;
        InitializationSeconds = seconds;
    }

    /// <summary>The journal of one split for <see cref="LiquidSimulator.Present"/>: finds its saved
    /// chunks and appends every chunk it is given.</summary>
    /// <param name="split">The split presented.</param>
    /// <param name="featureSeconds">The feature time so far, all sessions (s), stored with each chunk.</param>
    public IPresentationJournal Journal(LiquidSplit split, Func<double> featureSeconds)
    {
        ArgumentNullException.ThrowIfNull(featureSeconds);
        return new SplitJournal(this, split, featureSeconds);
    }

    /// <summary>Closes and removes the file (once the finished features are saved).</summary>
    public void Delete()
    {
        _stream.Dispose();
        File.Delete(FilePath);
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();

    private static FileStream Append(string path, int? length)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        if (length is { } valid)
        {
            stream.SetLength(valid);
        }
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    private void Write(byte[] record)
    {
        _stream.Write(record);
        _stream.Flush(flushToDisk: true);
    }

    private sealed class SplitJournal(LiquidCheckpoint checkpoint, LiquidSplit split, Func<double> featureSeconds) : IPresentationJournal
    {
        public LiquidChunk? Find(int chunk) => checkpoint._chunks[(int)split].GetValueOrDefault(chunk);

        public void Keep(int chunk, LiquidChunk responses)
        {
            ArgumentNullException.ThrowIfNull(responses);
            checkpoint.Write(LiquidCheckpointRecords.Chunk(split, chunk, responses, checkpoint._neurons, featureSeconds()));
            checkpoint._chunks[(int)split][chunk] = responses;
        }
    }
}
