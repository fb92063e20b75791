namespace Snn.Core.Randomness;

/// <summary>
/// Stream identifiers that keep the different uses of the generator independent. A stream is
/// a purpose in the high byte and an object index (population or projection) in the low bytes.
/// </summary>
public static class RngStreams
{
    /// <summary>Connection topology of projection <paramref name="projection"/>.</summary>
    public static uint Topology(int projection) => 0x0100_0000u | (uint)projection;

    /// <summary>Weights of projection <paramref name="projection"/>.</summary>
    public static uint Weights(int projection) => 0x0200_0000u | (uint)projection;

    /// <summary>Delays of projection <paramref name="projection"/>.</summary>
    public static uint Delays(int projection) => 0x0300_0000u | (uint)projection;

    /// <summary>Initial state of population <paramref name="population"/>.</summary>
    public static uint InitialState(int population) => 0x0400_0000u | (uint)population;

    /// <summary>Per-step draws of the neurons of population <paramref name="population"/>.</summary>
    public static uint NeuronNoise(int population) => 0x0500_0000u | (uint)population;

    /// <summary>Per-step draws of current injection <paramref name="injection"/>.</summary>
    public static uint CurrentNoise(int injection) => 0x0600_0000u | (uint)injection;

    /// <summary>Draws of a plasticity rule on projection <paramref name="projection"/>.</summary>
    public static uint Plasticity(int projection) => 0x0700_0000u | (uint)projection;

    /// <summary>Per-step draws of Poisson drive <paramref name="drive"/>.</summary>
    public static uint PoissonDrive(int drive) => 0x0800_0000u | (uint)drive;

    /// <summary>Free streams for user code and higher layers (0x8000_0000 and above).</summary>
    public static uint User(int index) => 0x8000_0000u | (uint)index;
}
