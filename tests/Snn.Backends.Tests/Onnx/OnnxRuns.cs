using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Onnx;
using Snn.Core;

namespace Snn.Backends.Tests.Onnx;

/// <summary>Runs exported models directly on ONNX Runtime, as a deploying user would.</summary>
internal static class OnnxRuns
{
    /// <summary>The model's own spike-source trains as the input tensor [steps, 1, inputs].</summary>
    public static float[] InputOf(OnnxModelLayout layout, int steps)
    {
        var input = new float[steps * layout.InputWidth];
        foreach (var population in layout.InputPopulations)
        {
            var trains = ((SpikeSourcePopulation)population).SpikeTimesInSteps();
            for (int i = 0; i < trains.Length; i++)
            {
                foreach (long time in trains[i].Where(t => t <= steps))
                {
                    input[(time - 1) * layout.InputWidth + layout.InputOffset(population) + i] = 1;
                }
            }
        }
        return input;
    }

    /// <summary>The number of Scan nodes in the encoded model: occurrences of a NodeProto's
    /// op_type field (field 4, length-delimited, tag byte 0x22) holding "Scan".</summary>
    public static int ScanCount(OnnxModel model)
    {
        ReadOnlySpan<byte> field = [0x22, 4, (byte)'S', (byte)'c', (byte)'a', (byte)'n'];
        var bytes = model.Bytes.Span;
        int count = 0;
        for (int at = bytes.IndexOf(field); at >= 0; at = bytes[(at + 1)..].IndexOf(field) is int next and >= 0 ? at + 1 + next : -1)
        {
            count++;
        }
        return count;
    }

    /// <summary>Runs the time-loop model on [steps, batch, inputs] and returns every per-step output
    /// and the <paramref name="extraOutputs"/>.</summary>
    public static Dictionary<string, float[]> RunLoop(OnnxModel model, float[] input, int steps, int batch, IReadOnlyList<string>? extraOutputs = null)
    {
        using var session = new InferenceSession(model.Bytes.ToArray());
        using var value = OrtValue.CreateTensorValueFromMemory(input, [steps, batch, model.Layout.InputWidth]);
        var names = model.Layout.OutputNames.Concat(extraOutputs ?? []).ToArray();
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [model.Layout.InputName], [value], names);
        var outputs = new Dictionary<string, float[]>();
        for (int o = 0; o < names.Length; o++)
        {
            outputs[names[o]] = results[o].GetTensorDataAsSpan<float>().ToArray();
        }
        return outputs;
    }

    /// <summary>Feeds [steps, 1, inputs] to a single-step model one step at a time, carrying the
    /// state, and returns every output laid out as the time loop's [steps, 1, n].</summary>
    public static Dictionary<string, float[]> Stream(OnnxModel model, float[] input, int steps)
    {
        using var session = new InferenceSession(model.Bytes.ToArray());
        var layout = model.Layout;
        int width = layout.InputWidth;
        var collected = layout.OutputNames.ToDictionary(n => n, _ => new List<float>());
        Array[]? state = null;
        for (int k = 0; k < steps; k++)
        {
            var names = new List<string> { layout.InputName };
            var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(input.AsSpan(k * width, width).ToArray(), [1, width]) };
            for (int s = 0; state is not null && s < state.Length; s++)
            {
                names.Add(layout.StateInputNames[s]);
                values.Add(state[s] switch
                {
                    int[] ints => OrtValue.CreateTensorValueFromMemory(ints, [1, ints.Length]),
                    double[] doubles => OrtValue.CreateTensorValueFromMemory(doubles, [1, doubles.Length]),
                    long[] longs => OrtValue.CreateTensorValueFromMemory(longs, [1, longs.Length]),
                    _ => OrtValue.CreateTensorValueFromMemory((float[])state[s], [1, state[s].Length]),
                });
            }
            var outputs = layout.OutputNames.Concat(layout.StateOutputNames).ToArray();
            using var runOptions = new RunOptions();
            using (var results = session.Run(runOptions, names, values, outputs))
            {
                for (int o = 0; o < layout.OutputNames.Count; o++)
                {
                    collected[layout.OutputNames[o]].AddRange(results[o].GetTensorDataAsSpan<float>().ToArray());
                }
                state = new Array[layout.StateOutputNames.Count];
                for (int s = 0; s < state.Length; s++)
                {
                    var value = results[layout.OutputNames.Count + s];
                    state[s] = value.GetTensorTypeAndShape().ElementDataType switch
                    {
                        Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int32 => value.GetTensorDataAsSpan<int>().ToArray(),
                        Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Double => value.GetTensorDataAsSpan<double>().ToArray(),
                        Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64 => value.GetTensorDataAsSpan<long>().ToArray(),
                        _ => value.GetTensorDataAsSpan<float>().ToArray(),
                    };
                }
            }
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
        return collected.ToDictionary(c => c.Key, c => c.Value.ToArray());
    }
}
