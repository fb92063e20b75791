using ILGPU;
using Snn.Core.Inputs;
using Snn.Core.Randomness;

namespace Snn.Backends.Gpu;

/// <summary>Kernels of the inputs: injected currents and Poisson drives (one thread per neuron).</summary>
internal static class InputKernels
{
    /// <summary>Sets the current of every injected neuron to 0 before the step's injections add theirs.</summary>
    public static void ZeroCurrent(Index1D index, ArrayView<int> neurons, ArrayView<float> current)
        => current[neurons[index]] = 0f;

    /// <summary>
    /// Adds one injection's current of the step to its neuron <paramref name="index"/>: the mean
    /// plus, when <paramref name="noise"/> is on, the Gaussian noise of
    /// <see cref="PreparedCurrent.NoiseAt"/> (the same Philox block and Box-Muller transform).
    /// </summary>
    public static void AddCurrent(Index1D index, ArrayView<int> neurons, ArrayView<float> current, float mean, InjectionNoise noise)
    {
        int neuron = neurons[index];
        float value = mean;
        if (noise.Active != 0)
        {
            int local = neuron - noise.Offset;
            var block = Philox.Block(noise.Seed, (uint)noise.Step, (uint)((ulong)noise.Step >> 32), noise.Stream, (uint)local);
            double u1 = 1.0 - Philox.ToUnitDouble(block.X0, block.X1);
            double u2 = Philox.ToUnitDouble(block.X2, block.X3);
            value = mean + (float)(noise.Sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }
        current[neuron] += value;
    }

    /// <summary>Adds one Poisson drive's input of the step to target neuron <paramref name="index"/>,
    /// as <see cref="PoissonDrive"/> defines it (same draw, same inverse transform).</summary>
    public static void Drive(Index1D index, DeviceRing ring, PoissonDriveStep drive)
    {
        int local = index;
        var block = Philox.Block(drive.Seed, (uint)drive.Step, (uint)((ulong)drive.Step >> 32), drive.Stream, (uint)local);
        double u = Philox.ToUnitDouble(block.X0, block.X1);
        if (u < drive.EmptyProbability)
        {
            return;
        }
        long at = ring.At(drive.Slot, drive.Column + local);
        ring.Data[at] += drive.Weight * PoissonDrive.Sample(drive.Lambda, drive.EmptyProbability, u);
    }
}
