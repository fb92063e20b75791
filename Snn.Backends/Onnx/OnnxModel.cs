using Google.Protobuf;
using Snn.Backends.Onnx.Proto;
using Snn.Core.IO;

namespace Snn.Backends.Onnx;

/// <summary>An exported model held in memory: its encoded bytes and its tensor layout.</summary>
public sealed class OnnxModel
{
    private readonly byte[] _bytes;

    internal OnnxModel(ModelProto model, OnnxModelLayout layout)
    {
        _bytes = model.ToByteArray();
        Layout = layout;
        NodeCount = CountNodes(model.Graph);
    }

    /// <summary>Operators in the model, those of loop bodies included (each counted once, not per step).</summary>
    public int NodeCount { get; }

    /// <summary>Size of the encoded model (bytes).</summary>
    public long SizeBytes => _bytes.LongLength;

    /// <summary>Names and shapes of the model's inputs and outputs.</summary>
    public OnnxModelLayout Layout { get; }

    /// <summary>The encoded model (an ONNX <c>ModelProto</c>), ready for an inference session.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    private static int CountNodes(GraphProto graph)
    {
        int count = graph.Node.Count;
        foreach (var node in graph.Node)
        {
            foreach (var attribute in node.Attribute)
            {
                if (attribute.G is { } body)
                {
                    count += CountNodes(body);
                }
            }
        }
        return count;
    }

    /// <summary>Writes the encoded model to <paramref name="destination"/>.</summary>
    public void WriteTo(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_bytes);
    }

    /// <summary>Writes the model to <paramref name="path"/> through a temporary file in the same
    /// folder that is renamed at the end, so the path never holds a partial model.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream => stream.Write(_bytes));
}
