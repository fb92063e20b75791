using System.Buffers.Binary;
using System.Text;
using Snn.Core.IO;
using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>
/// Stores <see cref="LiquidFeatures"/> so that readouts can be retrained without simulating the
/// liquid again (the full protocol simulates 70 000 presentations of 250 ms). Little-endian layout:
/// <code>
/// magic "SNNLIQF1" (8 bytes) · int32 version (1) · int32 n (protocol bytes) · n bytes UTF-8 protocol
/// int32 neurons · int32 liquid synapses · int32 input synapses
/// float64 branching factor · float64 rate (Hz) · float64 initialisation (s) · float64 features (s)
/// three splits (train, validation, test), each: int32 samples · per sample int32 label, neurons × uint16 counts
/// </code>
/// and nothing after the test split. Reading checks every field and names the byte offset of the
/// first one that is wrong.
/// </summary>
public static class LiquidFeatureFile
{
    /// <summary>The first 8 bytes of every feature file.</summary>
    public static ReadOnlySpan<byte> Magic => "SNNLIQF1"u8;

    /// <summary>The layout version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="features"/> to <paramref name="path"/> (through a temporary
    /// file renamed at the end, <see cref="AtomicFile"/>: a failed write leaves the previous file).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is above 65 535 (the uint16 the layout stores) or negative.</exception>
    public static void Save(LiquidFeatures features, string path)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, file =>
        {
            using var stream = new BufferedStream(file, 1 << 20);
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            byte[] protocol = Encoding.UTF8.GetBytes(features.Protocol);
            writer.Write(protocol.Length);
            writer.Write(protocol);
            writer.Write(features.Neurons);
            var measured = features.Measurements;
            writer.Write(measured.LiquidSynapses);
            writer.Write(measured.InputSynapses);
            writer.Write(measured.BranchingFactor);
            writer.Write(measured.MeanRateHz);
            writer.Write(measured.InitializationSeconds);
            writer.Write(measured.FeatureSeconds);
            WriteSplit(writer, features.TrainCounts, features.TrainLabels, features.Neurons, "TrainCounts");
            WriteSplit(writer, features.ValidationCounts, features.ValidationLabels, features.Neurons, "ValidationCounts");
            WriteSplit(writer, features.TestCounts, features.TestLabels, features.Neurons, "TestCounts");
        });
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a feature file, is truncated, has
    /// bytes after its end or holds an impossible value; the message names the byte offset.</exception>
    public static LiquidFeatures Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var reader = new Reader(File.ReadAllBytes(path), path);
        if (!reader.Bytes(Magic.Length).SequenceEqual(Magic))
        {
            throw reader.Corrupt(0, "the magic 'SNNLIQF1' is missing (not a liquid feature file)");
        }
        int version = reader.Int32();
        if (version != Version)
        {
            throw reader.Corrupt(reader.Offset - 4, $"version {version}, this reader understands {Version}");
        }
        int protocolLength = reader.Count("protocol length");
        string protocol = Encoding.UTF8.GetString(reader.Bytes(protocolLength));
        int neurons = reader.Count("neurons");
        int liquidSynapses = reader.Count("liquid synapses");
        int inputSynapses = reader.Count("input synapses");
        double branching = reader.Double();
        double rate = reader.Double();
        double initialization = reader.Double();
        double seconds = reader.Double();
        var (train, trainLabels) = reader.Split(neurons, "train");
        var (validation, validationLabels) = reader.Split(neurons, "validation");
        var (test, testLabels) = reader.Split(neurons, "test");
        if (reader.Offset != reader.Length)
        {
            throw reader.Corrupt(reader.Offset, $"{reader.Length - reader.Offset} bytes follow the test split");
        }
        return new LiquidFeatures
        {
            Protocol = protocol, TrainCounts = train, TrainLabels = trainLabels, ValidationCounts = validation, ValidationLabels = validationLabels,
            TestCounts = test, TestLabels = testLabels,
            Measurements = new LiquidMeasurements
            {
                BranchingFactor = branching, MeanRateHz = rate, LiquidSynapses = liquidSynapses, InputSynapses = inputSynapses,
                InitializationSeconds = initialization, FeatureSeconds = seconds,
            },
        };
    }

    private static void WriteSplit(BinaryWriter writer, int[][] counts, int[] labels, int neurons, string name)
    {
        if (labels.Length != counts.Length)
        {
            throw new ArgumentException($"{name} has {counts.Length} samples but its labels {labels.Length}.", nameof(counts));
        }
        writer.Write(counts.Length);
        for (int s = 0; s < counts.Length; s++)
        {
            if (counts[s].Length != neurons)
            {
                throw new ArgumentException($"{name}[{s}] has {counts[s].Length} neurons; the first training sample has {neurons}.", nameof(counts));
            }
            writer.Write(labels[s]);
            foreach (int c in counts[s])
            {
                if ((uint)c > ushort.MaxValue)
                {
                    throw new ArgumentOutOfRangeException(nameof(counts), c, $"{name}[{s}] holds the count {c}; the file stores counts in [0, {ushort.MaxValue}].");
                }
                writer.Write((ushort)c);
            }
        }
    }

    /// <summary>Reads fields in order and knows where it is.</summary>
    private sealed class Reader(byte[] data, string path)
    {
        public int Offset { get; private set; }

        public int Length => data.Length;

        public InvalidDataException Corrupt(long offset, string problem)
            => new($"Liquid feature file '{path}' corrupt at byte {offset}: {problem}.");

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count > data.Length - Offset)
            {
                throw new InvalidDataException($"Liquid feature file '{path}' truncated at byte {data.Length}: {count} bytes needed from byte {Offset}.");
            }
            var span = data.AsSpan(Offset, count);
            Offset += count;
            return span;
        }

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8));

        public int Count(string what)
        {
            int at = Offset;
            int value = Int32();
            return value >= 0 ? value : throw Corrupt(at, $"{what} = {value} is negative");
        }

        public (int[][] Counts, int[] Labels) Split(int neurons, string name)
        {
            int samples = Count(name + " samples");
            long needed = samples * (4L + 2L * neurons);
            if (needed > data.Length - Offset)
            {
                throw new InvalidDataException($"Liquid feature file '{path}' truncated at byte {data.Length}: the {samples} {name} samples need {needed} bytes from byte {Offset}.");
            }
            var counts = new int[samples][];
            var labels = new int[samples];
            for (int s = 0; s < samples; s++)
            {
                int at = Offset;
                labels[s] = Int32();
                if (labels[s] < 0)
                {
                    throw Corrupt(at, $"{name} label {s} = {labels[s]} is negative");
                }
                var row = new int[neurons];
                var bytes = Bytes(2 * neurons);
                for (int i = 0; i < neurons; i++)
                {
                    row[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(2 * i, 2));
                }
                counts[s] = row;
            }
            return (counts, labels);
        }
    }
}
