namespace Snn.Learning.Gradient;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019), β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸,
/// over a fixed list of parameter arrays, each with its gradient and its own decay.
/// </summary>
internal sealed class AdamW
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly List<(float[] Value, float[] Gradient, float Decay, float[] First, float[] Second)> _groups = [];
    private int _step;

    /// <summary>Adds a parameter array, its gradient array and its weight decay.</summary>
    public void Add(float[] value, float[] gradient, float weightDecay)
        => _groups.Add((value, gradient, weightDecay, new float[value.Length], new float[value.Length]));

    /// <summary>One update with learning rate <paramref name="rate"/>.</summary>
    public void Step(float rate)
    {
        _step++;
        float correction1 = 1 - MathF.Pow(Beta1, _step);
        float correction2 = 1 - MathF.Pow(Beta2, _step);
        float stepSize = rate / correction1;
        float inverseRoot = 1 / MathF.Sqrt(correction2);
        foreach (var (value, gradient, decay, first, second) in _groups)
        {
            float shrink = 1 - rate * decay;
            for (int i = 0; i < value.Length; i++)
            {
                float g = gradient[i];
                first[i] = Beta1 * first[i] + (1 - Beta1) * g;
                second[i] = Beta2 * second[i] + (1 - Beta2) * g * g;
                value[i] = value[i] * shrink - stepSize * first[i] / (MathF.Sqrt(second[i]) * inverseRoot + Epsilon);
            }
        }
    }
}
