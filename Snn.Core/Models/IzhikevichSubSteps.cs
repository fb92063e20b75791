using Snn.Core.Validation;

namespace Snn.Core.Models;

/// <summary>
/// How <see cref="Izhikevich"/> splits a step h for its forward-Euler update of v: into the fewest
/// equal sub-steps of at most <see cref="MaxSubStep"/> ms, ⌈h / 0.5⌉ of h / ⌈h / 0.5⌉ ms each (two
/// 0.5 ms sub-steps at h = 1 ms, the integration of the model's paper). The model's step and block
/// update and the ONNX lowering all take the sub-steps from here.
/// </summary>
public readonly struct IzhikevichSubSteps
{
    /// <summary>The longest sub-step (ms).</summary>
    public const double MaxSubStep = 0.5;

    private IzhikevichSubSteps(double step, int count)
    {
        Step = step;
        Count = count;
        SubStep = step / count;
    }

    /// <summary>The whole step h (ms).</summary>
    public double Step { get; }

    /// <summary>The number of sub-steps (≥ 1).</summary>
    public int Count { get; }

    /// <summary>The length of one sub-step, h / <see cref="Count"/> (ms).</summary>
    public double SubStep { get; }

    /// <summary>The sub-steps of the step <paramref name="dt"/>.</summary>
    /// <param name="dt">The step h (ms), &gt; 0 and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dt"/> is not positive and finite.</exception>
    public static IzhikevichSubSteps For(double dt)
    {
        Guard.Positive(dt, nameof(dt));
        return new IzhikevichSubSteps(dt, (int)Math.Ceiling(dt / MaxSubStep - 1e-9));
    }
}
