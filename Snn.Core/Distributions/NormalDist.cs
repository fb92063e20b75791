using System.Runtime.CompilerServices;
using Snn.Core.Randomness;
using Snn.Core.Validation;

namespace Snn.Core.Distributions;

/// <summary>Normal N(Mean, Sd²), redrawn until the value lies in [Min, Max].</summary>
public sealed class NormalDist : Dist
{
    private const int MaxRedraws = 10_000;

    /// <summary>Creates the distribution.</summary>
    public NormalDist(double mean, double sd, double min, double max)
    {
        Mean = Guard.Finite(mean, nameof(mean));
        Sd = Guard.NonNegative(sd, nameof(sd));
        if (double.IsNaN(min) || double.IsNaN(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"min = {min} and max = {max} must satisfy min <= max.");
        }
        if ((mean < min || mean > max) && sd == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, $"mean = {mean} with sd = 0 must lie in [{min}, {max}].");
        }
        Min = min;
        Max = max;
    }

    /// <summary>Mean.</summary>
    public double Mean { get; }

    /// <summary>Standard deviation.</summary>
    public double Sd { get; }

    /// <summary>Smallest accepted value.</summary>
    public double Min { get; }

    /// <summary>Largest accepted value.</summary>
    public double Max { get; }

    internal override bool SamplesFromFirstBlock => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal override void SampleFromFirstBlocks(ReadOnlySpan<Block4> firsts, Span<double> values, Span<bool> complete)
    {
        for (int i = 0; i < firsts.Length; i++)
        {
            double value = Mean + Sd * CounterRng.StandardNormal(firsts[i]);
            values[i] = value;
            complete[i] = value >= Min && value <= Max;
        }
    }

    /// <inheritdoc />
    public override double Sample(ref CounterRng rng)
    {
        for (int attempt = 0; attempt < MaxRedraws; attempt++)
        {
            double value = Mean + Sd * rng.NextNormal();
            if (value >= Min && value <= Max)
            {
                return value;
            }
        }
        throw new InvalidOperationException($"Normal({Mean}, {Sd}) clipped to [{Min}, {Max}] rejected {MaxRedraws} draws in a row: the interval holds almost no probability.");
    }

    /// <inheritdoc />
    public override double Minimum => Min;

    /// <inheritdoc />
    public override double Maximum => Max;

    /// <inheritdoc />
    public override string ToString() => $"N({Mean}, {Sd}) in [{Min}, {Max}]";
}
