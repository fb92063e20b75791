using System.Numerics.Tensors;

namespace Snn.Learning.Gradient;

/// <summary>
/// The per-sample compute kernels of the delay layers. The delayed synaptic input of a layer is the
/// matrix product Z = X̃ · W̃, where row t of X̃ is the zero-padded input window of K steps ending at
/// t (K·I values) and W̃ is the effective kernel [(j, i), o]. X̃ holds spikes, so the products walk
/// only its non-zero entries (listed once per sample) and add whole rows of W̃ with SIMD.
/// </summary>
internal static class SpikeKernels
{
    /// <summary>Lists the non-zero entries of a [steps, width] input row by row.</summary>
    public static void ListNonZeros(ReadOnlySpan<float> input, int steps, int width, Span<int> rowStart, Span<int> index, Span<float> value)
    {
        int n = 0;
        for (int t = 0; t < steps; t++)
        {
            rowStart[t] = n;
            var row = input.Slice(t * width, width);
            for (int i = 0; i < width; i++)
            {
                if (row[i] != 0f)
                {
                    index[n] = i;
                    value[n] = row[i];
                    n++;
                }
            }
        }
        rowStart[steps] = n;
    }

    /// <summary>
    /// Z[t, o] = Σ_j Σ_i W̃[(j, i), o] x[t − (K − 1) + j, i]: for every step, the rows of W̃ met by
    /// the input's non-zeros are summed in registers (taps in order, then inputs in order).
    /// <paramref name="offsets"/> and <paramref name="factors"/> hold at least K · (most non-zeros in a step) entries.
    /// </summary>
    public static void Convolve(ReadOnlySpan<float> effective, int inputs, int outputs, int kernel, int steps,
        ReadOnlySpan<int> rowStart, ReadOnlySpan<int> index, ReadOnlySpan<float> value, Span<float> z, Span<int> offsets, Span<float> factors)
    {
        z[..(steps * outputs)].Clear();
        for (int t = 0; t < steps; t++)
        {
            int count = 0;
            for (int j = Math.Max(0, kernel - 1 - t); j < kernel; j++)
            {
                int s = t + j - (kernel - 1);
                for (int n = rowStart[s]; n < rowStart[s + 1]; n++)
                {
                    offsets[count] = (j * inputs + index[n]) * outputs;
                    factors[count] = value[n];
                    count++;
                }
            }
            FusedRows.AccumulateRows(z.Slice(t * outputs, outputs), effective, offsets[..count], factors[..count]);
        }
    }

    /// <summary>
    /// G[(j, i), o] += Σ_n v_n dZ_{b_n}[s_n + K − 1 − j, o] for one input i and every tap j (the
    /// kernel gradient X̃ᵀ dZ), over the non-zeros (b_n, s_n, v_n) of input i in a group of samples,
    /// listed in sample then step order. dZ of sample b starts at b · T · O in <paramref name="dz"/>.
    /// </summary>
    public static void AccumulateKernelGradient(Span<float> gradient, int input, int inputs, int outputs, int kernel, int steps,
        ReadOnlySpan<int> sample, ReadOnlySpan<int> step, ReadOnlySpan<float> value, ReadOnlySpan<float> dz, Span<int> offsets, Span<float> factors)
    {
        for (int j = 0; j < kernel; j++)
        {
            int lag = kernel - 1 - j;
            int count = 0;
            for (int n = 0; n < sample.Length; n++)
            {
                int t = step[n] + lag;
                if (t < steps)
                {
                    offsets[count] = (sample[n] * steps + t) * outputs;
                    factors[count] = value[n];
                    count++;
                }
            }
            FusedRows.AccumulateRows(gradient.Slice((j * inputs + input) * outputs, outputs), dz, offsets[..count], factors[..count]);
        }
    }

    /// <summary>Wᵀ[j, o, i] = W̃[(j, i), o] for tap <paramref name="tap"/>, rows padded with zeros to <paramref name="paddedInputs"/>.</summary>
    public static void TransposeTap(ReadOnlySpan<float> effective, int inputs, int outputs, int paddedInputs, int tap, Span<float> transposed)
    {
        var target = transposed.Slice(tap * outputs * paddedInputs, outputs * paddedInputs);
        var source = effective.Slice(tap * inputs * outputs, inputs * outputs);
        for (int i = 0; i < inputs; i++)
        {
            var row = source.Slice(i * outputs, outputs);
            for (int o = 0; o < outputs; o++)
            {
                target[o * paddedInputs + i] = row[o];
            }
        }
    }

    /// <summary>
    /// dx[s, i] = Σ_j Σ_o dZ[s + K − 1 − j, o] W̃[(j, i), o] (the input gradient dZ W̃ᵀ, folded back
    /// onto steps) from the transposed kernel (see <see cref="TransposeTap"/>); <paramref name="padded"/>
    /// is [T, paddedInputs] work space.
    /// </summary>
    public static void InputGradient(ReadOnlySpan<float> transposed, int inputs, int paddedInputs, int outputs, int kernel, int steps,
        ReadOnlySpan<float> dz, Span<float> padded, Span<float> dx)
    {
        padded[..(steps * paddedInputs)].Clear();
        FusedRows.ShiftedProduct(transposed, paddedInputs, outputs, kernel, steps, dz, padded);
        for (int s = 0; s < steps; s++)
        {
            padded.Slice(s * paddedInputs, inputs).CopyTo(dx.Slice(s * inputs, inputs));
        }
    }

    /// <summary>
    /// Inference with integer delays: Z[s + d(i, o), o] += w(i, o) x[s, i], walking input spikes in
    /// step order and sources in index order (the order in which a simulator delivers them).
    /// </summary>
    public static void DelayedInput(ReadOnlySpan<float> weights, ReadOnlySpan<int> delays, int inputs, int outputs, int steps,
        ReadOnlySpan<int> rowStart, ReadOnlySpan<int> index, ReadOnlySpan<float> value, Span<float> z)
    {
        z[..(steps * outputs)].Clear();
        for (int s = 0; s < steps; s++)
        {
            for (int n = rowStart[s]; n < rowStart[s + 1]; n++)
            {
                int i = index[n];
                float v = value[n];
                var w = weights.Slice(i * outputs, outputs);
                var d = delays.Slice(i * outputs, outputs);
                for (int o = 0; o < outputs; o++)
                {
                    int t = s + d[o];
                    if (t < steps)
                    {
                        z[t * outputs + o] += v == 1f ? w[o] : v * w[o];
                    }
                }
            }
        }
    }

    /// <summary>
    /// The readout loss of one sample, CE(Σ_t softmax(v[t]), y), and its gradient with respect to
    /// every membrane value (scaled by <paramref name="scale"/>), written over <paramref name="membrane"/>.
    /// Returns the loss; <paramref name="predicted"/> is argmax_c Σ_t softmax(v[t])_c.
    /// </summary>
    public static float ReadoutLoss(Span<float> membrane, int steps, int classes, int label, float scale, Span<float> scratch, out int predicted)
    {
        var sum = scratch[..classes];
        var dSum = scratch.Slice(classes, classes);
        var p = scratch.Slice(2 * classes, classes);
        SoftmaxSum(membrane, steps, classes, sum, p);
        predicted = TensorPrimitives.IndexOfMax(sum);
        TensorPrimitives.SoftMax(sum, dSum);
        float loss = -MathF.Log(Math.Max(dSum[label], float.Epsilon));
        TensorPrimitives.Multiply(dSum, scale, dSum);
        dSum[label] -= scale;
        for (int t = 0; t < steps; t++)
        {
            var v = membrane.Slice(t * classes, classes);
            TensorPrimitives.SoftMax(v, p);
            float dot = TensorPrimitives.Dot(p, dSum);
            for (int c = 0; c < classes; c++)
            {
                v[c] = p[c] * (dSum[c] - dot);
            }
        }
        return loss;
    }

    /// <summary>sum[c] = Σ_t softmax(v[t])_c.</summary>
    public static void SoftmaxSum(ReadOnlySpan<float> membrane, int steps, int classes, Span<float> sum, Span<float> p)
    {
        sum.Clear();
        for (int t = 0; t < steps; t++)
        {
            TensorPrimitives.SoftMax(membrane.Slice(t * classes, classes), p);
            TensorPrimitives.Add(sum, p, sum);
        }
    }

    /// <summary>The ATan surrogate derivative σ'(x) = (α/2) / (1 + (π α x / 2)²).</summary>
    public static float Surrogate(float x, float alpha)
    {
        float u = MathF.PI / 2 * alpha * x;
        return alpha / 2 / (1 + u * u);
    }
}
