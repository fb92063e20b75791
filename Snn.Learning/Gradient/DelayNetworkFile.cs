using System.Buffers.Binary;
using System.Text;
using Snn.Core.IO;

namespace Snn.Learning.Gradient;

/// <summary>
/// The binary file format of a <see cref="DelayNetwork"/>, little-endian:
/// <code>
/// offset 0   8 bytes  magic "SNNDELAY"
///        8   int32    version (1)
///            int32    inputs, int32 hidden-layer count H, H × int32 hidden sizes, int32 classes
///            int32    delay mode (0 none, 1 fixed random, 2 learned), int32 K (max delay steps)
///            float64  τ (steps), σ₀, σ₁, σ anneal fraction, dropout
///            int32    batch norm (0/1), float64 surrogate α
///            per layer (H + 1): int32 inputs I, int32 outputs O, int32 kernel K,
///                       float32[I·O] weights, float32[I·O] positions (steps),
///                       float32[O] γ, β, running mean, running variance
///            uint32   FNV-1a hash of every preceding byte
/// </code>
/// Reading validates every field; a truncated or corrupt file raises
/// <see cref="InvalidDataException"/> naming the byte offset.
/// </summary>
public static class DelayNetworkFile
{
    /// <summary>The format version written.</summary>
    public const int Version = 1;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SNNDELAY");

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/>.</summary>
    public static void Write(DelayNetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
        var config = network.Config;
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(config.Inputs);
        writer.Write(config.Hidden.Count);
        foreach (int size in config.Hidden)
        {
            writer.Write(size);
        }
        writer.Write(config.Classes);
        writer.Write((int)config.Delays);
        writer.Write(config.MaxDelaySteps);
        writer.Write(config.TauSteps);
        writer.Write(config.SigmaInit);
        writer.Write(config.SigmaFinal);
        writer.Write(config.SigmaAnnealFraction);
        writer.Write(config.Dropout);
        writer.Write(config.BatchNorm ? 1 : 0);
        writer.Write(config.SurrogateAlpha);
        foreach (var layer in network.Layers)
        {
            writer.Write(layer.Inputs);
            writer.Write(layer.Outputs);
            writer.Write(layer.Kernel);
            WriteFloats(writer, layer.Weights);
            WriteFloats(writer, layer.Positions);
            WriteFloats(writer, layer.Gamma);
            WriteFloats(writer, layer.Beta);
            WriteFloats(writer, layer.RunningMean);
            WriteFloats(writer, layer.RunningVar);
        }
        writer.Flush();
        writer.Write(Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        writer.Flush();
        stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/> through a temporary
    /// file renamed at the end (<see cref="AtomicFile"/>): a failed write leaves the previous file.</summary>
    public static void Write(DelayNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        AtomicFile.Write(path, stream => Write(network, stream));
    }

    /// <summary>Reads a network from the file <paramref name="path"/>.</summary>
    public static DelayNetwork Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a network from <paramref name="stream"/>.</summary>
    public static DelayNetwork Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        var reader = new Reader(copy.ToArray());
        var magic = reader.Bytes(Magic.Length, "magic");
        if (!magic.SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a delay-network file: bad magic at byte offset 0 (expected \"SNNDELAY\").");
        }
        reader.Int32("version", 1, Version);
        int inputs = reader.Int32("inputs", 1, int.MaxValue);
        int hiddenCount = reader.Int32("hidden layer count", 1, 1024);
        var hidden = new int[hiddenCount];
        for (int l = 0; l < hiddenCount; l++)
        {
            hidden[l] = reader.Int32($"hidden[{l}]", 1, 1 << 20);
        }
        int classes = reader.Int32("classes", 2, 1 << 16);
        var mode = (DelayMode)reader.Int32("delay mode", 0, (int)DelayMode.Learned);
        int maxDelay = reader.Int32("max delay steps", 1, 4096);
        var config = new DelayNetworkConfig
        {
            Inputs = inputs,
            Hidden = hidden,
            Classes = classes,
            Delays = mode,
            MaxDelaySteps = maxDelay,
            TauSteps = reader.Double("tau", 1, 1e9),
            SigmaInit = reader.Double("sigma init", double.Epsilon, 1e6),
            SigmaFinal = reader.Double("sigma final", double.Epsilon, 1e6),
            SigmaAnnealFraction = reader.Double("sigma anneal fraction", double.Epsilon, 1),
            Dropout = reader.Double("dropout", 0, 0.999),
            BatchNorm = reader.Int32("batch norm flag", 0, 1) == 1,
            SurrogateAlpha = reader.Double("surrogate alpha", double.Epsilon, 1e9),
        };
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Invalid configuration ending at byte offset {reader.Offset}: {e.Message}", e);
        }
        RequireLayerBytes(reader, config);
        var layers = DelayNetwork.CreateLayers(config);
        foreach (var layer in layers)
        {
            reader.Int32("layer inputs", layer.Inputs, layer.Inputs);
            reader.Int32("layer outputs", layer.Outputs, layer.Outputs);
            reader.Int32("layer kernel", layer.Kernel, layer.Kernel);
            reader.Floats(layer.Weights, "weights", float.MinValue, float.MaxValue);
            reader.Floats(layer.Positions, "positions", layer.MinPosition, layer.MaxPosition);
            reader.Floats(layer.Gamma, "batch-norm gamma", float.MinValue, float.MaxValue);
            reader.Floats(layer.Beta, "batch-norm beta", float.MinValue, float.MaxValue);
            reader.Floats(layer.RunningMean, "running mean", float.MinValue, float.MaxValue);
            reader.Floats(layer.RunningVar, "running variance", 0, float.MaxValue);
        }
        int end = reader.Offset;
        uint expected = Hash(reader.Data.AsSpan(0, end));
        uint stored = (uint)reader.Int32("hash", int.MinValue, int.MaxValue);
        if (stored != expected)
        {
            throw new InvalidDataException($"Delay-network file is corrupt: hash at byte offset {end} is 0x{stored:x8}, the content hashes to 0x{expected:x8}.");
        }
        if (reader.Offset != reader.Data.Length)
        {
            throw new InvalidDataException($"Delay-network file has {reader.Data.Length - reader.Offset} unexpected trailing bytes at byte offset {reader.Offset}.");
        }
        return new DelayNetwork(config, layers);
    }

    /// <summary>Refuses, before the layers are allocated, a header whose layer sizes need more bytes than the file holds.</summary>
    private static void RequireLayerBytes(Reader reader, DelayNetworkConfig config)
    {
        long needed = sizeof(uint);
        int inputs = config.Inputs;
        foreach (int outputs in config.Hidden.Append(config.Classes))
        {
            needed += 3 * sizeof(int) + sizeof(float) * (2L * inputs * outputs + 4L * outputs);
            inputs = outputs;
        }
        long remaining = reader.Data.Length - reader.Offset;
        if (needed > remaining)
        {
            throw new InvalidDataException($"Delay-network file is truncated: the layers declared by the header ending at byte offset {reader.Offset} "
                + $"need {needed} bytes, only {remaining} remain.");
        }
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (float value in values)
        {
            writer.Write(value);
        }
    }

    private static uint Hash(ReadOnlySpan<byte> data)
    {
        uint hash = 2166136261;
        foreach (byte b in data)
        {
            hash = (hash ^ b) * 16777619;
        }
        return hash;
    }

    /// <summary>Reads little-endian fields and names the offset of anything wrong.</summary>
    private sealed class Reader(byte[] data)
    {
        public byte[] Data { get; } = data;

        public int Offset { get; private set; }

        public ReadOnlySpan<byte> Bytes(int count, string what)
        {
            if (Data.Length - Offset < count)
            {
                throw new InvalidDataException($"Delay-network file is truncated: {what} needs {count} bytes at byte offset {Offset}, only {Data.Length - Offset} remain.");
            }
            var span = Data.AsSpan(Offset, count);
            Offset += count;
            return span;
        }

        public int Int32(string what, int min, int max)
        {
            int at = Offset;
            int value = BinaryPrimitives.ReadInt32LittleEndian(Bytes(4, what));
            if (value < min || value > max)
            {
                throw new InvalidDataException($"Delay-network file is corrupt: {what} = {value} at byte offset {at} must be in [{min}, {max}].");
            }
            return value;
        }

        public double Double(string what, double min, double max)
        {
            int at = Offset;
            double value = BinaryPrimitives.ReadDoubleLittleEndian(Bytes(8, what));
            if (!double.IsFinite(value) || value < min || value > max)
            {
                throw new InvalidDataException($"Delay-network file is corrupt: {what} = {value} at byte offset {at} must be finite and in [{min}, {max}].");
            }
            return value;
        }

        public void Floats(float[] destination, string what, float min, float max)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                int at = Offset;
                float value = BinaryPrimitives.ReadSingleLittleEndian(Bytes(4, what));
                if (!float.IsFinite(value) || value < min || value > max)
                {
                    throw new InvalidDataException($"Delay-network file is corrupt: {what}[{i}] = {value} at byte offset {at} must be finite and in [{min}, {max}].");
                }
                destination[i] = value;
            }
        }
    }
}
