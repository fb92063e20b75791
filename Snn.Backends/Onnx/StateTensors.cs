using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Snn.Backends.Onnx;

/// <summary>Copies a model's state tensors ([1, width] of float, int32, double or int64) between
/// ONNX Runtime values and arrays, so a run continues from the state the previous one returned.</summary>
internal static class StateTensors
{
    /// <summary>The array of a [1, width] state value.</summary>
    public static Array Read(OrtValue value) => value.GetTensorTypeAndShape().ElementDataType switch
    {
        TensorElementType.Float => value.GetTensorDataAsSpan<float>().ToArray(),
        TensorElementType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
        TensorElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
        TensorElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
        var type => throw new NotSupportedException($"A state tensor of element type {type}; the exporter writes float, int32, double and int64 states."),
    };

    /// <summary>A [1, width] value over <paramref name="state"/> (not copied).</summary>
    public static OrtValue Wrap(Array state) => state switch
    {
        float[] floats => OrtValue.CreateTensorValueFromMemory(floats, [1, floats.Length]),
        int[] ints => OrtValue.CreateTensorValueFromMemory(ints, [1, ints.Length]),
        double[] doubles => OrtValue.CreateTensorValueFromMemory(doubles, [1, doubles.Length]),
        long[] longs => OrtValue.CreateTensorValueFromMemory(longs, [1, longs.Length]),
        _ => throw new NotSupportedException($"A state array of type {state.GetType().Name}; the exporter writes float, int32, double and int64 states."),
    };
}
