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
    }

    /// <summary>Names and shapes of the model's inputs and outputs.</summary>
    public OnnxModelLayout Layout { get; }

    /// <summary>The encoded model (an ONNX <c>ModelProto</c>), ready for an inference session.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

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
