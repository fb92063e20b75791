using ILGPU;

namespace Snn.Learning.Gradient.Gpu;

/// <summary>
/// The batch pass of <see cref="BatchPass"/> as ILGPU kernels, one thread per output value, each
/// summing in the CPU pass's order (taps, then inputs; samples, then steps). Layouts: inputs
/// [B, T, I], synaptic input, membranes and their gradients [B, T, O], masks [B, O], the
/// effective kernel [K, I, O] and its transpose [K, O, I].
/// </summary>
internal static class DelayKernels
{
    /// <summary>z[b, t, o] = Σ_j Σ_i W̃[j, i, o] x[b, t − (K − 1) + j, i] over the non-zero x.</summary>
    public static void Convolve(Index1D index, ArrayView<float> x, ArrayView<float> effective, ArrayView<float> z, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        int t = index / s.Outputs % s.Steps;
        int b = index / (s.Outputs * s.Steps);
        float sum = 0f;
        for (int j = Math.Max(0, s.Kernel - 1 - t); j < s.Kernel; j++)
        {
            int row = (b * s.Steps + t + j - (s.Kernel - 1)) * s.Inputs;
            for (int i = 0; i < s.Inputs; i++)
            {
                float v = x[row + i];
                if (v != 0f)
                {
                    sum += v * effective[(j * s.Inputs + i) * s.Outputs + o];
                }
            }
        }
        z[index] = sum;
    }

    /// <summary>Per output o: Σ z and Σ z² over samples and steps (batch-norm statistics).</summary>
    public static void Moments(Index1D o, ArrayView<float> z, ArrayView<double> sum, ArrayView<double> squares, DeviceLayerShape s)
    {
        double total = 0;
        double totalSquares = 0;
        for (int n = 0; n < s.Batch * s.Steps; n++)
        {
            double v = z[n * s.Outputs + o];
            total += v;
            totalSquares += v * v;
        }
        sum[o] = total;
        squares[o] = totalSquares;
    }

    /// <summary>
    /// The hidden LIF layer of one (b, o) over all steps: normalises z in place (when
    /// <paramref name="batchNorm"/> is 1), h = v·decay + (γ x̂ + β), spikes H(h − 1)·mask, reset to 0,
    /// membranes h kept for the backward pass.
    /// </summary>
    public static void Spike(Index1D index, ArrayView<float> z, ArrayView<float> membrane, ArrayView<float> spikes, ArrayView<float> mask,
        ArrayView<float> normalisation, int batchNorm, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        int b = index / s.Outputs;
        float mean = normalisation[o];
        float inverseStd = normalisation[s.Outputs + o];
        float gamma = normalisation[2 * s.Outputs + o];
        float beta = normalisation[3 * s.Outputs + o];
        float keep = mask[index];
        float v = 0f;
        for (int t = 0; t < s.Steps; t++)
        {
            int at = (b * s.Steps + t) * s.Outputs + o;
            float h;
            if (batchNorm != 0)
            {
                float x = (z[at] - mean) * inverseStd;
                z[at] = x;
                h = v * s.Decay + (x * gamma + beta);
            }
            else
            {
                h = v * s.Decay + z[at];
            }
            membrane[at] = h;
            bool fired = h >= 1f;
            v = fired ? 0f : h;
            spikes[at] = fired ? keep : 0f;
        }
    }

    /// <summary>The readout membranes of one (b, o): v[t] = v[t − 1]·decay + z[t].</summary>
    public static void Readout(Index1D index, ArrayView<float> z, ArrayView<float> membrane, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        int b = index / s.Outputs;
        float v = 0f;
        for (int t = 0; t < s.Steps; t++)
        {
            int at = (b * s.Steps + t) * s.Outputs + o;
            v = v * s.Decay + z[at];
            membrane[at] = v;
        }
    }

    /// <summary>Backpropagation through the LIF dynamics of one (b, o): membranes are replaced by
    /// ∂L/∂h, dh = ds·mask·σ'(h − 1) + (no reset ? dv : 0), dv = dh·decay.</summary>
    public static void Surrogate(Index1D index, ArrayView<float> membrane, ArrayView<float> spikeGradient, ArrayView<float> mask, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        int b = index / s.Outputs;
        float keep = mask[index];
        float dv = 0f;
        for (int t = s.Steps - 1; t >= 0; t--)
        {
            int at = (b * s.Steps + t) * s.Outputs + o;
            float h = membrane[at];
            float u = 3.14159265f / 2 * s.Alpha * (h - 1f);
            float surrogate = s.Alpha / 2 / (1 + u * u);
            float dh = spikeGradient[at] * keep * surrogate + (h >= 1f ? 0f : dv);
            membrane[at] = dh;
            dv = dh * s.Decay;
        }
    }

    /// <summary>Per output o: Σ dh (∂L/∂β) and Σ dh·x̂ (∂L/∂γ) over samples and steps.</summary>
    public static void NormGradients(Index1D o, ArrayView<float> dh, ArrayView<float> normalised, ArrayView<double> sum, ArrayView<double> products, DeviceLayerShape s)
    {
        double total = 0;
        double totalProducts = 0;
        for (int n = 0; n < s.Batch * s.Steps; n++)
        {
            int at = n * s.Outputs + o;
            total += dh[at];
            totalProducts += (double)dh[at] * normalised[at];
        }
        sum[o] = total;
        products[o] = totalProducts;
    }

    /// <summary>∂L/∂z through batch norm, in place of x̂: γ/s · (dh − x̂·mean(dh·x̂) − mean(dh)).</summary>
    public static void NormBackward(Index1D index, ArrayView<float> normalised, ArrayView<float> dh, ArrayView<float> factors, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        float x = normalised[index] * factors[s.Outputs + o];
        x = dh[index] - x;
        x -= factors[2 * s.Outputs + o];
        normalised[index] = x * factors[o];
    }

    /// <summary>∂L/∂z of the readout of one (b, o), in place of ∂L/∂v: dz[t] = dz[t + 1]·decay + dv[t].</summary>
    public static void ReadoutBackward(Index1D index, ArrayView<float> dv, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        int b = index / s.Outputs;
        for (int t = s.Steps - 2; t >= 0; t--)
        {
            int at = (b * s.Steps + t) * s.Outputs + o;
            dv[at] = dv[at + s.Outputs] * s.Decay + dv[at];
        }
    }

    /// <summary>G[j, i, o] = Σ_b Σ_t x[b, t − (K − 1) + j, i] dz[b, t, o] over the non-zero x.</summary>
    public static void KernelGradient(Index1D index, ArrayView<float> x, ArrayView<float> dz, ArrayView<float> gradient, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        int i = index / s.Outputs % s.Inputs;
        int j = index / (s.Outputs * s.Inputs);
        int lag = s.Kernel - 1 - j;
        float sum = 0f;
        for (int b = 0; b < s.Batch; b++)
        {
            for (int step = 0; step + lag < s.Steps; step++)
            {
                float v = x[(b * s.Steps + step) * s.Inputs + i];
                if (v != 0f)
                {
                    sum += v * dz[(b * s.Steps + step + lag) * s.Outputs + o];
                }
            }
        }
        gradient[index] = sum;
    }

    /// <summary>Wᵀ[j, o, i] = W̃[j, i, o].</summary>
    public static void Transpose(Index1D index, ArrayView<float> effective, ArrayView<float> transposed, DeviceLayerShape s)
    {
        int o = index % s.Outputs;
        int i = index / s.Outputs % s.Inputs;
        int j = index / (s.Outputs * s.Inputs);
        transposed[(j * s.Outputs + o) * s.Inputs + i] = effective[index];
    }

    /// <summary>dx[b, s, i] = Σ_j Σ_o dz[b, s + K − 1 − j, o] Wᵀ[j, o, i].</summary>
    public static void InputGradient(Index1D index, ArrayView<float> dz, ArrayView<float> transposed, ArrayView<float> dx, DeviceLayerShape s)
    {
        int i = index % s.Inputs;
        int step = index / s.Inputs % s.Steps;
        int b = index / (s.Inputs * s.Steps);
        float sum = 0f;
        for (int j = Math.Max(0, step + s.Kernel - s.Steps); j < s.Kernel; j++)
        {
            int t = step + s.Kernel - 1 - j;
            int row = (b * s.Steps + t) * s.Outputs;
            for (int o = 0; o < s.Outputs; o++)
            {
                sum += dz[row + o] * transposed[(j * s.Outputs + o) * s.Inputs + i];
            }
        }
        dx[index] = sum;
    }
}
