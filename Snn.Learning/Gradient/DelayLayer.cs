using System.Numerics.Tensors;

namespace Snn.Learning.Gradient;

/// <summary>
/// One layer of synapses with per-synapse delays (a DCLS 1-D convolution with one kernel element
/// per synapse): parameters, optional batch norm, the effective kernel and gradients.
/// Synapse (i, o) has weight <c>Weights[i·O + o]</c> and position p = <c>Positions[i·O + o]</c> ∈
/// [−m, c], c = ⌊K/2⌋, m = K − 1 − c; its kernel over taps j = 0 … K − 1 is the normalised Gaussian
/// g_j = e_j / (Σ e + ε), e_j = exp(−½ ((j − m − p)/σ)²), centred on tap m + p ∈ [0, K − 1], so the
/// delay is c − p ∈ [0, K − 1] steps (for odd K the range is symmetric, −m = −c).
/// The effective kernel <c>Effective[(j·I + i)·O + o]</c> = W g_j multiplies input step t − (K − 1) + j.
/// </summary>
internal sealed class DelayLayer
{
    /// <summary>ε of batch norm.</summary>
    public const float BatchNormEpsilon = 1e-5f;

    /// <summary>Momentum of the running batch-norm statistics.</summary>
    public const float BatchNormMomentum = 0.1f;

    /// <summary>ε added to the Gaussian's normaliser (as in DCLS).</summary>
    public const float KernelEpsilon = 1e-7f;

    /// <summary>
    /// Normalised Gaussian taps below this are set to 0. For σ ≥ 0.1 step a synapse's largest tap is
    /// above 10⁻⁴, so the dropped ones lie far below float resolution next to it and no sum changes;
    /// at small σ they would otherwise be subnormal numbers, which slow every product they enter.
    /// </summary>
    public const float NegligibleTap = 1e-20f;

    public DelayLayer(int inputs, int outputs, int kernel, bool batchNorm, bool spiking)
    {
        Inputs = inputs;
        Outputs = outputs;
        Kernel = kernel;
        BatchNorm = batchNorm;
        Spiking = spiking;
        int synapses = inputs * outputs;
        Weights = new float[synapses];
        Positions = new float[synapses];
        WeightGrad = new float[synapses];
        PositionGrad = new float[synapses];
        Effective = new float[kernel * synapses];
        Gaussian = new float[kernel * synapses];
        Gamma = new float[outputs];
        Beta = new float[outputs];
        GammaGrad = new float[outputs];
        BetaGrad = new float[outputs];
        RunningMean = new float[outputs];
        RunningVar = new float[outputs];
        Gamma.AsSpan().Fill(1f);
        RunningVar.AsSpan().Fill(1f);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public int Kernel { get; }

    public bool BatchNorm { get; }

    public bool Spiking { get; }

    public int Center => Kernel / 2;

    /// <summary>The smallest position, −m = −(K − 1 − c): the Gaussian centred on tap 0, delay K − 1 steps.</summary>
    public float MinPosition => -(Kernel - 1 - Center);

    /// <summary>The largest position, c = ⌊K/2⌋: the Gaussian centred on tap K − 1, delay 0.</summary>
    public float MaxPosition => Center;

    public float[] Weights { get; }

    public float[] Positions { get; }

    public float[] WeightGrad { get; }

    public float[] PositionGrad { get; }

    public float[] Effective { get; }

    public float[] Gaussian { get; }

    public float[] Gamma { get; }

    public float[] Beta { get; }

    public float[] GammaGrad { get; }

    public float[] BetaGrad { get; }

    public float[] RunningMean { get; }

    public float[] RunningVar { get; }

    /// <summary>The integer delay (steps) of synapse <paramref name="synapse"/>: c − round(p), in [0, K − 1].</summary>
    public int DelayOf(int synapse)
    {
        float p = Math.Clamp(MathF.Round(Positions[synapse]), MinPosition, MaxPosition);
        return Center - (int)p;
    }

    /// <summary>
    /// The batch statistics of output <paramref name="k"/> from Σz and Σz² over <paramref name="n"/>
    /// values (biased variance), folded into the running statistics (unbiased variance, momentum
    /// <see cref="BatchNormMomentum"/>). Returns the mean and 1/√(variance + ε).
    /// </summary>
    public (float Mean, float InverseStd) BatchStatistics(int k, double sum, double squares, double n)
    {
        double mean = sum / n;
        double variance = Math.Max(squares / n - mean * mean, 0);
        RunningMean[k] = (1 - BatchNormMomentum) * RunningMean[k] + BatchNormMomentum * (float)mean;
        double unbiased = n > 1 ? variance * n / (n - 1) : variance;
        RunningVar[k] = (1 - BatchNormMomentum) * RunningVar[k] + BatchNormMomentum * (float)unbiased;
        return ((float)mean, (float)(1 / Math.Sqrt(variance + BatchNormEpsilon)));
    }

    /// <summary>Builds <see cref="Effective"/> from Gaussians of width <paramref name="sigma"/> (steps) and
    /// keeps the normalised Gaussians in <see cref="Gaussian"/> for the position gradient.</summary>
    public void BuildGaussianKernel(float sigma, Span<float> scratch)
    {
        int o = Outputs;
        int m = Kernel - 1 - Center;
        float inverse = 1f / sigma;
        var sum = scratch[..o];
        var tap = scratch.Slice(o, o);
        for (int i = 0; i < Inputs; i++)
        {
            var p = Positions.AsSpan(i * o, o);
            sum.Clear();
            for (int j = 0; j < Kernel; j++)
            {
                var g = Gaussian.AsSpan((j * Inputs + i) * o, o);
                TensorPrimitives.Subtract(p, (float)(j - m), tap);
                TensorPrimitives.Multiply(tap, inverse, tap);
                TensorPrimitives.Multiply(tap, tap, tap);
                TensorPrimitives.Multiply(tap, -0.5f, tap);
                TensorPrimitives.Exp(tap, g);
                TensorPrimitives.Add(sum, g, sum);
            }
            TensorPrimitives.Add(sum, KernelEpsilon, sum);
            var w = Weights.AsSpan(i * o, o);
            for (int j = 0; j < Kernel; j++)
            {
                int at = (j * Inputs + i) * o;
                var g = Gaussian.AsSpan(at, o);
                TensorPrimitives.Divide(g, sum, g);
                for (int k = 0; k < o; k++)
                {
                    g[k] = g[k] < NegligibleTap ? 0f : g[k];
                }
                TensorPrimitives.Multiply(g, w, Effective.AsSpan(at, o));
            }
        }
    }

    /// <summary>Builds <see cref="Effective"/> with every synapse's whole weight on its integer delay
    /// (σ → 0 with rounded positions).</summary>
    public void BuildRoundedKernel()
    {
        Array.Clear(Effective);
        int o = Outputs;
        for (int i = 0; i < Inputs; i++)
        {
            for (int k = 0; k < o; k++)
            {
                int synapse = i * o + k;
                int j = Kernel - 1 - DelayOf(synapse);
                Effective[(j * Inputs + i) * o + k] = Weights[synapse];
            }
        }
    }

    /// <summary>
    /// Turns the gradient of the effective kernel into weight and (when <paramref name="positions"/>)
    /// position gradients: dW = Σ_j G_j g_j, dp = W (Σ_j G_j g_j q_j − dW Σ_j g_j q_j),
    /// q_j = (j − m − p)/σ².
    /// </summary>
    public void KernelGradients(ReadOnlySpan<float> effectiveGrad, float sigma, bool positions, Span<float> scratch)
    {
        int o = Outputs;
        int m = Kernel - 1 - Center;
        if (!positions)
        {
            for (int i = 0; i < Inputs; i++)
            {
                for (int k = 0; k < o; k++)
                {
                    int synapse = i * o + k;
                    int j = Kernel - 1 - DelayOf(synapse);
                    WeightGrad[synapse] = effectiveGrad[(j * Inputs + i) * o + k];
                }
            }
            return;
        }
        float inverseSquare = 1f / (sigma * sigma);
        var gq = scratch[..o];
        var weighted = scratch.Slice(o, o);
        var weightedQ = scratch.Slice(2 * o, o);
        var q = scratch.Slice(3 * o, o);
        var product = scratch.Slice(4 * o, o);
        for (int i = 0; i < Inputs; i++)
        {
            var p = Positions.AsSpan(i * o, o);
            gq.Clear();
            weighted.Clear();
            weightedQ.Clear();
            for (int j = 0; j < Kernel; j++)
            {
                int at = (j * Inputs + i) * o;
                var g = Gaussian.AsSpan(at, o);
                var grad = effectiveGrad.Slice(at, o);
                TensorPrimitives.Subtract(p, (float)(j - m), q);
                TensorPrimitives.Multiply(q, -inverseSquare, q);
                TensorPrimitives.Multiply(grad, g, product);
                TensorPrimitives.Add(weighted, product, weighted);
                TensorPrimitives.MultiplyAdd(product, q, weightedQ, weightedQ);
                TensorPrimitives.MultiplyAdd(g, q, gq, gq);
            }
            var dw = WeightGrad.AsSpan(i * o, o);
            weighted.CopyTo(dw);
            var dp = PositionGrad.AsSpan(i * o, o);
            TensorPrimitives.Multiply(weighted, gq, product);
            TensorPrimitives.Subtract(weightedQ, product, dp);
            TensorPrimitives.Multiply(dp, Weights.AsSpan(i * o, o), dp);
        }
    }

    /// <summary>Batch norm folded into the synapses for inference: w' = W γ/s, b = β − γ μ/s,
    /// s = √(running var + ε); without batch norm w' = W and b = 0.</summary>
    public void FoldedWeights(Span<float> weights, Span<float> bias)
    {
        int o = Outputs;
        if (!BatchNorm)
        {
            Weights.CopyTo(weights);
            bias.Clear();
            return;
        }
        for (int k = 0; k < o; k++)
        {
            float scale = Gamma[k] / MathF.Sqrt(RunningVar[k] + BatchNormEpsilon);
            bias[k] = Beta[k] - RunningMean[k] * scale;
        }
        for (int i = 0; i < Inputs; i++)
        {
            for (int k = 0; k < o; k++)
            {
                weights[i * o + k] = Weights[i * o + k] * (Gamma[k] / MathF.Sqrt(RunningVar[k] + BatchNormEpsilon));
            }
        }
    }

    /// <summary>Keeps every position inside [−c, K − 1 − c].</summary>
    public void ClampPositions() => TensorPrimitives.Clamp(Positions, MinPosition, MaxPosition, Positions);
}
