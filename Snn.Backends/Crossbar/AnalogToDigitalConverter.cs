using Snn.Core.Validation;

namespace Snn.Backends.Crossbar;

/// <summary>
/// A uniform, symmetric mid-tread ADC as in aihwkit's output quantisation (<c>out_res</c>,
/// <c>out_bound</c>): step Δ = 2·FullScale/(2^bits − 2), output round(I/Δ)·Δ clipped to
/// ±(2^(bits−1) − 1)·Δ = ±FullScale, so there are 2^bits − 1 codes including an exact zero (an idle
/// column reads 0). Currents in µA.
/// </summary>
public readonly record struct AnalogToDigitalConverter
{
    /// <summary>Creates a converter.</summary>
    /// <param name="bits">Resolution (bits), 2 to 16.</param>
    /// <param name="fullScale">Largest representable magnitude (µA), &gt; 0.</param>
    public AnalogToDigitalConverter(int bits, double fullScale)
    {
        Bits = Guard.InRange(bits, 2, 16, nameof(bits));
        FullScale = Guard.Positive(fullScale, nameof(fullScale));
        MaxCode = (1 << (bits - 1)) - 1;
        Step = fullScale / MaxCode;
    }

    /// <summary>Resolution (bits).</summary>
    public int Bits { get; }

    /// <summary>Largest representable magnitude (µA).</summary>
    public double FullScale { get; }

    /// <summary>The current of one code step Δ (µA).</summary>
    public double Step { get; }

    /// <summary>The largest code magnitude, 2^(bits−1) − 1.</summary>
    public int MaxCode { get; }

    /// <summary>The signed output code of a column current (µA), clipped to ±<see cref="MaxCode"/>.</summary>
    public int Code(double current)
    {
        double code = Math.Round(current / Step);
        return (int)Math.Clamp(code, -MaxCode, MaxCode);
    }

    /// <summary>The digitised current (µA): <see cref="Code"/>·<see cref="Step"/>.</summary>
    public double Convert(double current) => Code(current) * Step;
}
